using System.Text;
using ShuzhiKaohe.Core.Text;

namespace ShuzhiKaohe.Reliability.Tests;

/// <summary>
/// Real-world damage to a file, drawn from a seed: what organisation departments' files actually suffer — GBK
/// re-encoding, BOMs, mixed line ends, ragged rows, comma runs, NUL bytes, truncation, very long fields,
/// duplicated or swapped lines, flipped bytes. One seed, one damaged file: a failure names the seed to replay.
/// </summary>
public static class Damage
{
    public const int Kinds = 16;

    /// <summary>How many cases each fuzz test runs: 10,000 in CI; more with SHUZHI_FUZZ_CASES (docs/operations.md).</summary>
    public static long Cases => long.TryParse(Environment.GetEnvironmentVariable("SHUZHI_FUZZ_CASES"), out var n) && n > 0 ? n : 10_000;

    public static byte[] Apply(byte[] original, int seed)
    {
        var rnd = new Random(seed);
        var bytes = new List<byte>(original);
        var steps = rnd.Next(1, 4);
        for (var s = 0; s < steps; s++) One(bytes, rnd);
        return [.. bytes];
    }

    private static void One(List<byte> b, Random rnd)
    {
        int At() => b.Count == 0 ? 0 : rnd.Next(0, b.Count + 1);
        switch (rnd.Next(Kinds))
        {
            case 0 when b.Count > 0: b[rnd.Next(b.Count)] ^= (byte)(1 << rnd.Next(8)); break;
            case 1: b.Insert(At(), 0); break;
            case 2 when b.Count > 0:
            {
                var at = rnd.Next(b.Count);
                b.RemoveRange(at, Math.Min(b.Count - at, rnd.Next(1, 64)));
                break;
            }
            case 3 when b.Count > 0:
            {
                var at = rnd.Next(b.Count);
                var len = Math.Min(b.Count - at, rnd.Next(1, 200));
                b.InsertRange(At(), b.GetRange(at, len));
                break;
            }
            case 4: b.InsertRange(At(), ",,,,,,"u8.ToArray()); break;
            case 5: b.Insert(At(), (byte)'"'); break;
            case 6:
                for (var i = 0; i < b.Count; i++)
                    if (b[i] == '\n' && rnd.Next(3) == 0)
                    {
                        if (rnd.Next(2) == 0) b[i] = (byte)'\r';
                        else { b.Insert(i, (byte)'\r'); i++; }
                    }
                break;
            case 7 when b.Count > 1:
            {
                var keep = rnd.Next(1, b.Count);
                b.RemoveRange(keep, b.Count - keep);
                break;
            }
            case 8: b.InsertRange(rnd.Next(4) == 0 ? At() : 0, new byte[] { 0xEF, 0xBB, 0xBF }); break;
            case 9:
                try
                {
                    var text = TextEncodings.StrictUtf8.GetString([.. b]);
                    var gbk = TextEncodings.Gb18030.GetBytes(text);
                    b.Clear();
                    b.AddRange(gbk);
                }
                catch (DecoderFallbackException) { /* already not UTF-8: leave it */ }
                break;
            case 10:
            {
                var junk = new byte[rnd.Next(1, 17)];
                rnd.NextBytes(junk);
                b.InsertRange(At(), junk);
                break;
            }
            case 11:
            {
                // A very long field: usually tens of kilobytes, now and then 10 MB.
                var len = rnd.Next(2000) == 0 ? 10 * 1024 * 1024 : rnd.Next(1_000, 100_000);
                b.InsertRange(At(), Enumerable.Repeat((byte)'x', len));
                break;
            }
            case 12: Lines(b, rnd, (lines, i) => lines.Insert(rnd.Next(lines.Count + 1), lines[i])); break;
            case 13: Lines(b, rnd, (lines, i) => { var j = rnd.Next(lines.Count); (lines[i], lines[j]) = (lines[j], lines[i]); }); break;
            case 14:
                // A digit changed: codes collide, parents go missing, trees become cyclic.
                for (var tries = 0; tries < 8 && b.Count > 0; tries++)
                {
                    var i = rnd.Next(b.Count);
                    if (b[i] is >= (byte)'0' and <= (byte)'9') { b[i] = (byte)('0' + rnd.Next(10)); break; }
                }
                break;
            default:
                // Full-width punctuation and the regulation file's own damage ("，" written as a comma run, ASCII brackets).
                b.InsertRange(At(), Encoding.UTF8.GetBytes(rnd.Next(3) switch { 0 => "，", 1 => "(中)", _ => "。。。。。" }));
                break;
        }
    }

    private static void Lines(List<byte> b, Random rnd, Action<List<List<byte>>, int> change)
    {
        var lines = new List<List<byte>> { new() };
        foreach (var x in b)
        {
            lines[^1].Add(x);
            if (x == '\n') lines.Add([]);
        }
        if (lines.Count < 2) return;
        change(lines, rnd.Next(lines.Count));
        b.Clear();
        foreach (var l in lines) b.AddRange(l);
    }
}
