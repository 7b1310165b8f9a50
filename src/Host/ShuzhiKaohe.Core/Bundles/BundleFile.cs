using System.Security.Cryptography;
using System.Text;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Bundles;

/// <summary>
/// The one-file format of a bundle (docs/bundles.md), version 1. UTF-8, LF line ends, three parts:
/// <code>
/// shuzhi-bundle/1                                     ← the header line
/// { …the payload: indented JSON… }                    ← the payload, ending with a line feed
/// signature: ECDSA-P256-SHA256 SHA256:&lt;hex&gt; &lt;base64&gt;   ← the last line
/// </code>
/// The signature is ECDSA P-256 over SHA-256 of the exact bytes before the last line (the header line and the
/// payload), in IEEE P1363 form (r‖s, 64 bytes), Base64. The verifier checks those bytes as they are and never
/// re-serialises the JSON, so any change of one byte before the last line breaks the signature.
/// </summary>
public static class BundleFile
{
    public const string Format = "shuzhi-bundle/1";
    private const string Header = Format + "\n";
    private const string SignaturePrefix = "signature: ";

    /// <summary>A file taken apart, not yet verified.</summary>
    /// <param name="Signed">The bytes the signature covers (header line and payload).</param>
    /// <param name="Payload">The payload's bytes (JSON).</param>
    public sealed record Parts(byte[] Signed, byte[] Payload, string Algorithm, string Fingerprint, byte[] Signature)
    {
        /// <summary>The payload's SHA-256 (lower-case hex): a received bundle's identity.</summary>
        public string PayloadSha256 => Convert.ToHexStringLower(SHA256.HashData(Payload));
    }

    /// <summary>Signs <paramref name="payload"/> with <paramref name="key"/> and returns the file's bytes.</summary>
    public static byte[] Sign(byte[] payload, ECDsa key)
    {
        if (payload.Length == 0 || payload[^1] != (byte)'\n') throw new ArgumentException("The payload must end with a line feed.", nameof(payload));
        var signed = new byte[Header.Length + payload.Length];
        Encoding.ASCII.GetBytes(Header, signed);
        payload.CopyTo(signed, Header.Length);
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var line = $"{SignaturePrefix}{BundleKeys.Algorithm} {BundleKeys.Fingerprint(key.ExportSubjectPublicKeyInfo())} {Convert.ToBase64String(signature)}\n";
        return [.. signed, .. Encoding.ASCII.GetBytes(line)];
    }

    /// <summary>
    /// Takes a file apart. Refuses (第八条) a file that is not a bundle, or that carries no signature line; does not
    /// verify the signature (<see cref="Verify"/>).
    /// </summary>
    public static Parts Parse(byte[] file, string where)
    {
        var header = Encoding.ASCII.GetBytes(Header);
        if (file.Length < header.Length || !file.AsSpan(0, header.Length).SequenceEqual(header))
            throw new RuleViolationException("第八条", $"{where} 不是述职评议考核数据包：第一行应为“{Format}”（用 shuzhi campaign export-bundle 导出）");
        if (file[^1] != (byte)'\n')
            throw new RuleViolationException("第八条", $"{where} 不完整：数据包应以签名行结尾，拒绝导入（数据包须经发送单位签名）");
        var lastLineStart = file.AsSpan(0, file.Length - 1).LastIndexOf((byte)'\n') + 1;
        var last = file.AsSpan(lastLineStart, file.Length - 1 - lastLineStart);
        if (lastLineStart <= header.Length || !last.StartsWith(Encoding.ASCII.GetBytes(SignaturePrefix)))
            throw new RuleViolationException("第八条", $"{where} 没有签名，拒绝导入：向上一级党组织报告的数据包须经发送单位的密钥签名（shuzhi campaign export-bundle）");
        var fields = Encoding.ASCII.GetString(last[SignaturePrefix.Length..]).Split(' ');
        byte[]? signature = null;
        if (fields.Length == 3)
            try { signature = Convert.FromBase64String(fields[2]); }
            catch (FormatException) { }
        if (fields.Length != 3 || signature is null || !fields[1].StartsWith("SHA256:", StringComparison.Ordinal))
            throw new RuleViolationException("第八条", $"{where} 的签名行已损坏（应为“signature: {BundleKeys.Algorithm} 指纹 签名”），拒绝导入");
        if (fields[0] != BundleKeys.Algorithm)
            throw new RuleViolationException("第八条", $"{where} 的签名算法 {fields[0]} 不受支持（应为 {BundleKeys.Algorithm}），拒绝导入");
        var signed = file[..lastLineStart];
        return new Parts(signed, signed[header.Length..], fields[0], fields[1], signature);
    }

    /// <summary>Whether <paramref name="parts"/> were signed by the private half of <paramref name="subjectPublicKeyInfo"/>.</summary>
    public static bool Verify(Parts parts, byte[] subjectPublicKeyInfo)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return parts.Signature.Length == 64
            && key.VerifyData(parts.Signed, parts.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
