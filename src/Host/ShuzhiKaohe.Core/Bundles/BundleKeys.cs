using System.Security.Cryptography;
using System.Text;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Bundles;

/// <summary>A signing key of this database's organisation (the private half never leaves the database).</summary>
public sealed record SigningKeyInfo(long Id, string OrgCode, string Fingerprint, string CreatedBy, string CreatedAt, string? RetiredAt);

/// <summary>A lower organisation's public key, registered at the level above (<c>key trust</c>).</summary>
public sealed record TrustedKey(long Id, string OrgCode, string Fingerprint, string TrustedBy, string TrustedAt);

/// <summary>A public key in its portable text form (PEM with comment lines) and its fingerprint.</summary>
public sealed record PublicKeyText(string OrgCode, string OrgName, string Fingerprint, string Text);

/// <summary>
/// The key material of bundles: ECDSA over NIST P-256 with SHA-256 (System.Security.Cryptography). Public keys travel
/// as SubjectPublicKeyInfo in PEM ("-----BEGIN PUBLIC KEY-----"); a key's fingerprint is <c>SHA256:</c> and the
/// lower-case hex SHA-256 of that DER. Pure functions: no database, no clock.
/// </summary>
public static class BundleKeys
{
    public const string Algorithm = "ECDSA-P256-SHA256";
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string Fingerprint(byte[] subjectPublicKeyInfo) =>
        "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>The text <c>key export</c> prints: comment lines naming the organisation and fingerprint, then the PEM.</summary>
    public static string ToText(string orgCode, string orgName, byte[] subjectPublicKeyInfo)
    {
        var sb = new StringBuilder();
        sb.Append("# 述职评议考核数据包签名公钥（shuzhi key export，第八条向上一级党组织报告）\n");
        sb.Append("# 组织：").Append(orgCode).Append(' ').Append(orgName).Append('\n');
        sb.Append("# 算法：").Append(Algorithm).Append('\n');
        sb.Append("# 指纹：").Append(Fingerprint(subjectPublicKeyInfo)).Append('\n');
        sb.Append(PemEncoding.WriteString("PUBLIC KEY", subjectPublicKeyInfo).ReplaceLineEndings("\n")).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Reads a public key from its text form: exactly one PEM "PUBLIC KEY" block, an EC key on P-256. A
    /// <c># 指纹：</c> comment, when present, must match the key. Returns the DER and its fingerprint.
    /// </summary>
    public static (byte[] SubjectPublicKeyInfo, string Fingerprint) ReadPublicKey(string text, string where)
    {
        byte[] der;
        try
        {
            var pem = PemEncoding.Find(text);
            if (!text[pem.Label].SequenceEqual("PUBLIC KEY"))
                throw new InvalidInputException($"{where} 不是公钥：PEM 类型为“{text[pem.Label]}”，应为 PUBLIC KEY（用 shuzhi key export 导出）");
            der = Convert.FromBase64String(text[pem.Base64Data].ToString());
        }
        catch (ArgumentException)
        {
            throw new InvalidInputException($"{where} 中没有 PEM 格式的公钥（-----BEGIN PUBLIC KEY-----），请使用 shuzhi key export 导出的文件");
        }
        catch (FormatException)
        {
            throw new InvalidInputException($"{where} 中的公钥不是有效的 Base64 文本");
        }
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(der, out var read);
            if (read != der.Length) throw new CryptographicException("trailing data");
            if (key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
                throw new InvalidInputException($"{where} 中的公钥不是 NIST P-256 曲线上的 ECDSA 公钥");
        }
        // A damaged key can name a curve this platform does not know (PlatformNotSupportedException) — issue 10: refused, never a crash.
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException or ArgumentException)
        {
            throw new InvalidInputException($"{where} 中的公钥无法读取：应为 ECDSA P-256 公钥（SubjectPublicKeyInfo）");
        }
        var fingerprint = Fingerprint(der);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("# 指纹：", StringComparison.Ordinal)) continue;
            var stated = trimmed["# 指纹：".Length..].Trim();
            if (!string.Equals(stated, fingerprint, StringComparison.OrdinalIgnoreCase))
                throw new InvalidInputException($"{where} 注明的指纹 {stated} 与其中的公钥（{fingerprint}）不符：文件已损坏或被改动");
        }
        return (der, fingerprint);
    }

    /// <summary>Normalises a fingerprint typed by an admin (case, an optional SHA256: prefix, colons or spaces).</summary>
    public static string NormaliseFingerprint(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("SHA256:", StringComparison.OrdinalIgnoreCase)) t = t[7..];
        return "SHA256:" + new string(t.Where(char.IsAsciiHexDigit).Select(char.ToLowerInvariant).ToArray());
    }
}
