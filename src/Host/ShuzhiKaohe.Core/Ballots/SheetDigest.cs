using System.Security.Cryptography;
using System.Text;
using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Core.Ballots;

/// <summary>
/// The hashes that let <c>ballot verify</c> find a sheet changed behind the program's back: each sheet's digest over
/// its canonical content (campaign, serial, void, marks by organisation code), and the campaign's hash over the
/// sheets' digests in serial order. Both are SHA-256, lower-case hex; the formats are versioned.
/// </summary>
public static class SheetDigest
{
    public static string Of(long campaignId, string serial, bool isVoid, IEnumerable<(string Code, Grade Mark)> marks)
    {
        var sb = new StringBuilder("shuzhi-ballot-sheet/1\n");
        sb.Append(campaignId).Append('\n').Append(serial).Append('\n').Append(isVoid ? "void" : "valid").Append('\n');
        foreach (var (code, mark) in marks.OrderBy(m => m.Code, StringComparer.Ordinal))
            sb.Append(code).Append('=').Append(mark.Json()).Append('\n');
        return Hex(sb.ToString());
    }

    /// <summary>The campaign's hash over (serial, digest) pairs, ordered by serial (ordinal).</summary>
    public static string Seal(long campaignId, IEnumerable<(string Serial, string Digest)> sheets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"shuzhi-ballot-seal/1\n{campaignId}\n"));
        foreach (var (serial, digest) in sheets.OrderBy(s => s.Serial, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes($"{serial}\t{digest}\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Hex(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
