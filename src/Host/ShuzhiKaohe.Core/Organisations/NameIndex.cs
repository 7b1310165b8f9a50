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
        var entry = 0;
        while (pos < all.Length)
        {
            var rel = all[pos..].IndexOf(text, StringComparison.Ordinal);
            if (rel < 0) break;
            entry = EntryAt(pos + rel, entry);
            found.Add(entry);
            pos = _nameStart[entry + 1];
        }
        return found;
    }

    /// <summary>
    /// The entries in rank order: the exact name first, then shorter names before longer (the organisation before
    /// its sub-units), then code order. A stable counting sort on (exact, length) over entries given in code order:
    /// linear, so that a query matching 100,000 names (社区) costs little more than the scan that found them.
    /// </summary>
    public int[] Ranked(List<int> entries, string query)
    {
        const int Lengths = 256; // names are at most 100 characters; longer ones share the last bucket
        var bucket = new int[entries.Count];
        var counts = new int[2 * Lengths + 1];
        for (var k = 0; k < entries.Count; k++)
        {
            var name = Name(entries[k]);
            var b = (name.SequenceEqual(query) ? 0 : Lengths) + Math.Min(name.Length, Lengths - 1);
            bucket[k] = b;
            counts[b + 1]++;
        }
        for (var b = 1; b < counts.Length; b++) counts[b] += counts[b - 1];
        var ranked = new int[entries.Count];
        for (var k = 0; k < entries.Count; k++) ranked[counts[bucket[k]]++] = entries[k];
        return ranked;
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

    /// <summary>The entry holding a character, searching forward from <paramref name="from"/> (hits come in order):
    /// a galloping search, a few steps when the hits are dense and a binary search's when they are far apart.</summary>
    private int EntryAt(int charIndex, int from)
    {
        var step = 1;
        var hi = from + 1;
        while (hi < Count && _nameStart[hi] <= charIndex)
        {
            from = hi;
            hi = Math.Min(Count, hi + (step <<= 1));
        }
        var i = Array.BinarySearch(_nameStart, from, hi - from + 1, charIndex);
        return i >= 0 ? i : ~i - 1;
    }
}
