using System.Runtime.CompilerServices;
using ShuzhiKaohe.Core.Text.Import;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>One row of an organisation file, parsed and repaired; its text lives in the rows' <see cref="TextArena"/>.</summary>
internal struct ImportedOrganisation
{
    public TextRef Code;
    public TextRef Name;
    public TextRef Parent;
    /// <summary>The parent's row when it was already read (most files list parents first), else -1.</summary>
    public int ParentRow;
    /// <summary>-1 when the row is rejected for its own fields; later checks skip it.</summary>
    public int Level;
    public int Line;
    public int Hash;
    public short File;
    public byte Sector;
    public byte Kind;
}

/// <summary>
/// The rows of every file of one import with an open-addressing index by code, and the issues found so far.
/// No object per row: 665,276 rows are one array of structs, one index array and a few text chunks.
/// One thread adds rows; another may read them while it does (the streaming import): a row and its text are
/// written before <see cref="Count"/> moves past it (a release), so a reader that has read <see cref="Published"/>
/// (an acquire) sees them whole. Rows are never changed once added.
/// </summary>
internal sealed class ImportedRows
{
    private ImportedOrganisation[] _rows;
    private int[] _slots; // row + 1; 0 = empty
    private int _mask;

    public ImportedRows(int expectedRows = 1 << 12)
    {
        _rows = new ImportedOrganisation[Math.Max(16, expectedRows)];
        var size = 1 << (int)Math.Ceiling(Math.Log2(Math.Max(64, expectedRows * 2)));
        _slots = new int[size];
        _mask = size - 1;
    }

    // Written on every row: on a cache line of its own (see TextArena).
    private PaddedInt _countBox;
    private ref int _count => ref _countBox.Value;

    public int Count => _count;

    /// <summary>The rows added so far, read from another thread than the one adding them.</summary>
    public int Published => Volatile.Read(ref _countBox.Value);
    public TextArena Text { get; } = new();
    public List<string> Files { get; } = [];
    public List<string> Sectors { get; } = [];
    public List<string> Kinds { get; } = [];
    public ImportIssueList Issues { get; } = new();
    public int RepairedFields { get; set; }

    public ref ImportedOrganisation this[int row] => ref _rows[row];

    public ReadOnlySpan<char> Code(int row) => Text[_rows[row].Code];
    public string CodeText(int row) => new(Text[_rows[row].Code]);
    public ReadOnlySpan<char> Name(int row) => Text[_rows[row].Name];
    public ReadOnlySpan<char> Parent(int row) => Text[_rows[row].Parent];
    public string SectorOf(int row) => Sectors[_rows[row].Sector];
    public string KindOf(int row) => Kinds[_rows[row].Kind];
    public bool IsGrouping(int row) => Kinds[_rows[row].Kind] == KindRules.Grouping;

    /// <summary>The row's sector and kind as UTF-8, encoded once per distinct value, for binding to SQLite.</summary>
    public byte[] SectorUtf8(int row) => Utf8(_sectorUtf8, Sectors, _rows[row].Sector);
    public byte[] KindUtf8(int row) => Utf8(_kindUtf8, Kinds, _rows[row].Kind);

    private readonly byte[]?[] _sectorUtf8 = new byte[]?[256], _kindUtf8 = new byte[]?[256];

    private static byte[] Utf8(byte[]?[] cache, List<string> values, byte index) =>
        cache[index] ??= System.Text.Encoding.UTF8.GetBytes(values[index]);

    public void Reject(int row, string reason) => Issues.Add(Files[_rows[row].File], _rows[row].Line, reason);

    /// <summary>The row with this code, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<char> code)
    {
        var hash = string.GetHashCode(code);
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            var r = _slots[slot] - 1;
            if (r < 0) return -1;
            if (_rows[r].Hash == hash && Text[_rows[r].Code].SequenceEqual(code)) return r;
        }
    }

    /// <summary>Adds the row unless its code is taken; then returns false and the row that has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ref ImportedOrganisation row, out int existing)
    {
        var code = Text[row.Code];
        var hash = string.GetHashCode(code);
        var slot = hash & _mask;
        for (; ; slot = (slot + 1) & _mask)
        {
            var r = _slots[slot] - 1;
            if (r < 0) break;
            if (_rows[r].Hash == hash && Text[_rows[r].Code].SequenceEqual(code))
            {
                existing = r;
                return false;
            }
        }
        row.Hash = hash;
        if (_count == _rows.Length) Array.Resize(ref _rows, _rows.Length * 2);
        _rows[_count] = row;
        _slots[slot] = _count + 1;
        Volatile.Write(ref _countBox.Value, _count + 1);
        if (_count * 2 > _slots.Length) Grow();
        existing = -1;
        return true;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _mask = _slots.Length - 1;
        for (var r = 0; r < _count; r++)
        {
            var slot = _rows[r].Hash & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = r + 1;
        }
    }

    public byte SectorIndex(string key) => Intern(Sectors, key);
    public byte KindIndex(string key) => Intern(Kinds, key);

    private static byte Intern(List<string> list, string key)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == key) return (byte)i;
        if (list.Count == byte.MaxValue) throw new Common.InvalidInputException("文件中的板块或类型种类过多（超过 255 种）");
        list.Add(key);
        return (byte)(list.Count - 1);
    }
}
