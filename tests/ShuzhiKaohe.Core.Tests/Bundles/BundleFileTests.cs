using System.Security.Cryptography;
using System.Text;
using ShuzhiKaohe.Core.Bundles;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Tests.Bundles;

/// <summary>The bundle's canonical payload, its one-file format and the signature check (第八条, docs/bundles.md).</summary>
public sealed class BundleFileTests
{
    private static BundlePayload Sample(string fingerprint = "SHA256:00") => new(
        BundleFile.Format,
        new BundleSender("420102", "江岸区", fingerprint),
        "2024-03-02T08:00:00.000Z",
        "organiser",
        new BundleCampaign(7, 2023, "approved", 0.3, "2024-01-20T02:00:00.000Z", "organiser", "区委常委会 2024-01-20"),
        [new BundleAssessee("420102002", "大智街道", "localities", 4, "张三", "fairly_good", "approved", 81.5, "good", "选票 40%，实地 40%，平时 20%", "党委研究意见")],
        new BundleTally(30, 3, 0, "ab", true, [new BundleTallyLine("420102002", 1, 1, 1, 0, 0)], [new BundleSheet("S1", "cd")]),
        [new BundleComment("420102002", "superior", null, "one_by_one", "整改不彻底", "抓好整改", "2024-01-16T02:00:00.000Z")],
        [new BundleReport("420102002", "onsite", null, "成效", "问题", "根源", "措施")],
        [],
        [new BundleRectification(1, "420102002", false, "consequence", "campaign:7", "限期整改", null, null, "2024-04-19", "open", null,
            [new BundleProgress("已制定方案", "in_progress", "organiser", "2024-02-01T02:00:00.000Z")])],
        [new BundleCirculation("全区", 1, 0, 1, 0, 0, "organiser", "2024-03-01T02:00:00.000Z")],
        [new BundlePublication("全区党员干部", "organiser", "2024-01-21T02:00:00.000Z")]);

    [Fact]
    public void The_canonical_payload_is_deterministic_utf8_with_lf_unescaped_chinese_and_fields_in_declared_order()
    {
        var a = BundleJson.Serialize(Sample());
        var b = BundleJson.Serialize(Sample());
        Assert.Equal(a, b);
        Assert.False(a.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no BOM");
        Assert.DoesNotContain((byte)'\r', a);
        Assert.Equal((byte)'\n', a[^1]);
        var text = Encoding.UTF8.GetString(a);
        Assert.StartsWith("{\n  \"format\": \"shuzhi-bundle/1\",\n  \"sender\": {", text);
        Assert.Contains("\"name\": \"江岸区\"", text);
        Assert.Contains("\"min_below_good\": 0.3", text);
        Assert.True(text.IndexOf("\"roster\"", StringComparison.Ordinal) < text.IndexOf("\"tally\"", StringComparison.Ordinal));
        // Reading and writing again gives the same bytes: nothing is lost or reordered.
        Assert.Equal(a, BundleJson.Serialize(BundleJson.Deserialize(a, out var problem) ?? throw new InvalidOperationException(problem)));
    }

    [Fact]
    public void A_signed_file_parses_back_into_its_payload_and_verifies_with_the_signers_public_key()
    {
        using var key = BundleKeys.NewKey();
        var spki = key.ExportSubjectPublicKeyInfo();
        var payload = BundleJson.Serialize(Sample(BundleKeys.Fingerprint(spki)));
        var file = BundleFile.Sign(payload, key);

        var text = Encoding.UTF8.GetString(file);
        Assert.StartsWith("shuzhi-bundle/1\n{\n", text);
        Assert.Matches(@"\nsignature: ECDSA-P256-SHA256 SHA256:[0-9a-f]{64} [A-Za-z0-9+/=]{88}\n$", text);
        var parts = BundleFile.Parse(file, "t.bundle");
        Assert.Equal(payload, parts.Payload);
        Assert.Equal(BundleKeys.Fingerprint(spki), parts.Fingerprint);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(payload)), parts.PayloadSha256);
        Assert.True(BundleFile.Verify(parts, spki));
    }

    [Fact]
    public void Changing_any_one_byte_before_the_signature_line_is_refused_or_fails_verification()
    {
        using var key = BundleKeys.NewKey();
        var spki = key.ExportSubjectPublicKeyInfo();
        var file = BundleFile.Sign(Encoding.UTF8.GetBytes("{\n  \"format\": \"shuzhi-bundle/1\",\n  \"名称\": \"江岸区\"\n}\n"), key);
        var signedLength = BundleFile.Parse(file, "t").Signed.Length;
        for (var i = 0; i < signedLength; i++)
        {
            var copy = (byte[])file.Clone();
            copy[i] ^= 0x01;
            var accepted = false;
            try { accepted = BundleFile.Verify(BundleFile.Parse(copy, "t"), spki); }
            catch (RuleViolationException e) { Assert.Equal("第八条", e.Article); }
            Assert.False(accepted, $"byte {i} changed and still accepted");
        }
    }

    [Fact]
    public void A_file_without_its_signature_line_is_refused_as_unsigned_citing_article_8()
    {
        using var key = BundleKeys.NewKey();
        var file = BundleFile.Sign(BundleJson.Serialize(Sample()), key);
        var unsigned = file[..(Array.LastIndexOf(file, (byte)'\n', file.Length - 2) + 1)];
        var e = Assert.Throws<RuleViolationException>(() => BundleFile.Parse(unsigned, "u.bundle"));
        Assert.Equal("第八条", e.Article);
        Assert.Contains("没有签名", e.Message);
        Assert.Throws<RuleViolationException>(() => BundleFile.Parse(Encoding.UTF8.GetBytes("{\"format\":\"shuzhi-bundle/1\"}\n"), "x"));
    }

    [Fact]
    public void A_signature_made_with_another_key_does_not_verify()
    {
        using var genuine = BundleKeys.NewKey();
        using var other = BundleKeys.NewKey();
        var parts = BundleFile.Parse(BundleFile.Sign(BundleJson.Serialize(Sample()), other), "t");
        Assert.False(BundleFile.Verify(parts, genuine.ExportSubjectPublicKeyInfo()));
        Assert.True(BundleFile.Verify(parts, other.ExportSubjectPublicKeyInfo()));
    }

    [Fact]
    public void The_public_key_text_round_trips_with_its_fingerprint_and_a_wrong_fingerprint_or_key_type_is_refused()
    {
        using var key = BundleKeys.NewKey();
        var spki = key.ExportSubjectPublicKeyInfo();
        var text = BundleKeys.ToText("420102", "江岸区", spki);
        var (read, fingerprint) = BundleKeys.ReadPublicKey(text, "k.pem");
        Assert.Equal(spki, read);
        Assert.Equal(BundleKeys.Fingerprint(spki), fingerprint);
        Assert.Contains($"# 指纹：{fingerprint}\n", text);
        Assert.Equal(fingerprint, BundleKeys.NormaliseFingerprint(fingerprint.ToUpperInvariant().Replace("SHA256:", "")));

        var forged = text.Replace(fingerprint, "SHA256:" + new string('0', 64));
        Assert.Contains("不符", Assert.Throws<InvalidInputException>(() => BundleKeys.ReadPublicKey(forged, "k.pem")).Message);
        using var rsa = RSA.Create(2048);
        Assert.Throws<InvalidInputException>(() => BundleKeys.ReadPublicKey(rsa.ExportSubjectPublicKeyInfoPem(), "rsa.pem"));
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<InvalidInputException>(() => BundleKeys.ReadPublicKey(p384.ExportSubjectPublicKeyInfoPem(), "p384.pem"));
        Assert.Throws<InvalidInputException>(() => BundleKeys.ReadPublicKey("no key here", "empty.pem"));
    }
}
