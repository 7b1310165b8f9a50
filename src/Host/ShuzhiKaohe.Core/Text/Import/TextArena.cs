using System.Runtime.CompilerServices;

namespace ShuzhiKaohe.Core.Text.Import;

/// <summary>A slice of a <see cref="TextArena"/>; <see cref="None"/> for a missing value.</summary>
public readonly record struct TextRef(int Offset, int Length)
{
    public static readonly TextRef None = new(-1, 0);
    public bool IsNone => Offset < 0;
}

/// <summary>
/// Text of many imported rows kept in large character chunks instead of one string per value: 665,276 codes and
/// names become a few dozen arrays, which the garbage collector never has to copy or trace one by one.
/// </summary>
public sealed class TextArena
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<char[]> _chunks = [new char[ChunkSize]];
    // Written on every Add: kept on a cache line of its own, so that a thread reading values added earlier (the
    // streaming import) does not pull the line to and fro with the thread adding them.
    private PaddedInt _usedBox;
    private ref int _used => ref _usedBox.Value;

    /// <summary>A mark to go back to with <see cref="Truncate"/> (to drop a value just added).</summary>
    public int Mark => ((_chunks.Count - 1) << ChunkBits) | _used;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TextRef Add(ReadOnlySpan<char> value)
    {
        if (value.Length > ChunkSize) throw new ArgumentOutOfRangeException(nameof(value), "value longer than an arena chunk");
        if (_used + value.Length > ChunkSize)
        {
            _chunks.Add(new char[ChunkSize]);
            _used = 0;
        }
        value.CopyTo(_chunks[^1].AsSpan(_used));
        var r = new TextRef(((_chunks.Count - 1) << ChunkBits) | _used, value.Length);
        _used += value.Length;
        return r;
    }

    public void Truncate(int mark)
    {
        var chunk = mark >> ChunkBits;
        if (chunk == _chunks.Count - 1) _used = mark & (ChunkSize - 1);
    }

    public ReadOnlySpan<char> this[TextRef r] =>
        r.IsNone ? default : _chunks[r.Offset >> ChunkBits].AsSpan(r.Offset & (ChunkSize - 1), r.Length);

    public string? String(TextRef r) => r.IsNone ? null : new string(this[r]);
}

/// <summary>An int alone on its cache line (64 bytes of padding either side).</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 136)]
internal struct PaddedInt
{
    [System.Runtime.InteropServices.FieldOffset(64)] public int Value;
}
