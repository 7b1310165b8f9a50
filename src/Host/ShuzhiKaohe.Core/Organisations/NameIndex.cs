namespace ShuzhiKaohe.Core.Organisations;

/// <summary>
/// Every organisation's code and name packed into two character arrays (about 25 MB for the 665,276 real ones),
/// in code order. A name query is one vectorised IndexOf over all names; a code query a binary search. This is
/// what makes <c>org find</c> take milliseconds over the whole tree without an index that would slow the import.
/// </summary>
internal sealed class NameIndex
{
    private readonly char[] _names;
    private readonly int[] _nameStart; // entry i's name is _names[_nameStart[i] .. _nameStart[i + 1] - 1]
    private readonly char[] _codes;
    private readonly int[] _codeStart;

    private NameIndex(char[] names, int[] nameStart, char[] codes, int[] codeStart, long revision)
    {
        _names = names;
        _nameStart = nameStart;
        _codes = codes;
        _codeStart = codeStart;
        Revision = revision;
    }

    public long Revision { get; }
    public int Count => _nameStart.Length - 1;

    public string Code(int entry) => new(_codes, _codeStart[entry], _codeStart[entry + 1] - _codeStart[entry]);
    public ReadOnlySpan<char> Name(int entry) => _names.AsSpan(_nameStart[entry], _nameStart[entry + 1] - _nameStart[entry] - 1);

    /// <summary>Builds from (code, name) pairs that come in code order.</summary>
    public static NameIndex Build(IEnumerable<(string Code, string Name)> rows, long revision)
    {
        var names = new List<char>(1 << 20);
        var codes = new List<char>(1 << 20);
        var nameStart = new List<int>(1 << 16) { 0 };
        var codeStart = new List<int>(1 << 16) { 0 };
        foreach (var (code, name) in rows)
        {
            names.AddRange(name);
            names.Add('\n'); // never part of a repaired name or query: a match cannot run across two names
            nameStart.Add(names.Count);
            codes.AddRange(code);
            codeStart.Add(codes.Count);
        }
        return new NameIndex(names.ToArray(), nameStart.ToArray(), codes.ToArray(), codeStart.ToArray(), revision);
    }

    /// <summary>Entries whose name contains the text, in code order.</summary>
    public List<int> NameContains(string text)
    {
        var found = new List<int>();
        var all = _names.AsSpan();
        var pos = 0;
        while (pos < all.Length)
        {
            var rel = all[pos..].IndexOf(text, StringComparison.Ordinal);
            if (rel < 0) break;
            var entry = EntryAt(pos + rel);
            found.Add(entry);
            pos = _nameStart[entry + 1];
        }
        return found;
    }

    /// <summary>Entries whose code starts with the text, in code order.</summary>
    public List<int> CodeStartsWith(string text)
    {
        var found = new List<int>();
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (CodeSpan(mid).CompareTo(text, StringComparison.Ordinal) < 0) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < Count && CodeSpan(i).StartsWith(text, StringComparison.Ordinal); i++) found.Add(i);
        return found;
    }

    private ReadOnlySpan<char> CodeSpan(int entry) => _codes.AsSpan(_codeStart[entry], _codeStart[entry + 1] - _codeStart[entry]);

    private int EntryAt(int charIndex)
    {
        var i = Array.BinarySearch(_nameStart, charIndex);
        return i >= 0 ? i : ~i - 1;
    }
}
