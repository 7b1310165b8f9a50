using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>
/// Issue 6 end to end through the real executable: two consecutive years of 江岸区's campaign. Year 1: grades that
/// break the quota (approval refused, 第六条), then meet it (approved); consequences created (第七条); 优秀 refused for
/// a 较好; a grade change after approval refused and a revision recorded. Year 2 starts with year 1's open
/// rectification items as its mandatory focus item, and the debriefing shows them. The superior circulates the
/// progress; year 1's signed bundle imports into a second database (the city's, on another server) that trusts the
/// county's key, while a copy with one byte changed, an unsigned copy and one signed by an untrusted key are refused (第八条).
/// </summary>
public sealed class EvaluationEndToEndTests : IDisposable
{
    private const string County = "420102";
    private readonly CliSession _cli = new("e2e-evaluation");

    public void Dispose() => _cli.Dispose();

    private static List<string> Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();

    /// <summary>Plan → inspection → session (meeting, reports, comments, ballots) → evaluation for every street.</summary>
    private string ThroughTheSession(int year, IReadOnlyList<string> codes) => CountyCampaign.ThroughTheSession(_cli, year, codes);

    [Fact]
    public void Two_years_of_a_county_campaign_from_grades_that_break_the_quota_to_consequences_carried_into_the_next_year()
    {
        _cli.Ok("db", "init");
        List<string> codes;
        using (var c = new SqliteConnection($"Data Source={_cli.Db};Pooling=False"))
        {
            c.Open();
            codes = DivisionSeed.LoadCounty(c, County).Select(s => s.Code).ToList();
        }
        Assert.Equal(17, codes.Count); // 0.3 × 17 → at least 6 较好 or below (第六条)

        // Year 1: the comprehensive evaluation (第六条).
        var y1 = ThroughTheSession(2023, codes);
        _cli.Ok("evaluate", "observe", "--campaign", y1, "--org", codes[0], "--score", "90", "--note", "平时调研：群众口碑好");
        var proposal = _cli.Ok("evaluate", "propose", "--campaign", y1).Json();
        Assert.Equal(codes.Order().ToList(), Strings(proposal, "code").Order().ToList());
        Assert.All(proposal.EnumerateArray(), p =>
        {
            Assert.True(p.GetProperty("score").GetDouble() >= 0);
            Assert.Contains(p.GetProperty("proposed_grade").GetString(), new[] { "good", "fairly_good", "average", "poor" });
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("explanation").GetString()));
        });
        Assert.True(proposal.EnumerateArray().Count(p => p.GetProperty("proposed_grade").GetString() != "good") >= 6);
        Assert.All(_cli.Ok("evaluate", "show", "--campaign", y1).Json().EnumerateArray(), l => Assert.Equal("proposed", l.GetProperty("status").GetString()));

        // 优秀 recorded before the approval: marked conflicting by it when the grade is not 好 (第七条).
        _cli.Ok("annual", "set", "--year", "2023", "--org", codes[0], "--grade", "优秀");

        // The committee overrides: only 4 below 好, which breaks the quota.
        _cli.Refused("第六条", "evaluate", "set", "--campaign", y1, "--org", codes[0], "--grade", "好", "--reason", " ");
        for (var i = 0; i < codes.Count; i++)
            _cli.Ok("evaluate", "set", "--campaign", y1, "--org", codes[i], "--grade", i < 4 ? "较好" : "好", "--reason", "党委研究意见");
        var shown = _cli.Ok("evaluate", "show", "--campaign", y1);
        Assert.All(shown.Json().EnumerateArray(), l => Assert.Equal("set", l.GetProperty("status").GetString()));
        Assert.Contains("还须 2 人", shown.Stderr);
        var refused = _cli.Refused("第六条", "evaluate", "approve", "--campaign", y1, "--meeting", "区委常委会 2024-01-20");
        Assert.Contains("还须 2 人", refused.Stderr);

        // Then it meets the quota: approved, with who, when and the meeting.
        _cli.Ok("evaluate", "set", "--campaign", y1, "--org", codes[4], "--grade", "一般", "--reason", "群众反映问题较多");
        _cli.Ok("evaluate", "set", "--campaign", y1, "--org", codes[5], "--grade", "较好", "--reason", "党委研究意见");
        var approved = _cli.Ok("evaluate", "approve", "--campaign", y1, "--meeting", "区委常委会 2024-01-20");
        var approval = approved.Json();
        Assert.Equal("approved", approval.GetProperty("stage").GetString());
        Assert.Equal("区委常委会 2024-01-20", approval.GetProperty("meeting").GetString());
        Assert.Equal(1, approval.GetProperty("distribution").GetProperty("average").GetInt32());
        Assert.Contains("第七条", approved.Stderr);
        Assert.All(_cli.Ok("evaluate", "show", "--campaign", y1).Json().EnumerateArray(), l => Assert.Equal("approved", l.GetProperty("status").GetString()));

        // Consequences (第七条).
        var consequence = Assert.Single(approval.GetProperty("consequences").EnumerateArray(), c => c.GetProperty("code").GetString() == codes[4]);
        Assert.True(consequence.GetProperty("reminder_interview").GetBoolean());
        Assert.Equal(codes[0], Assert.Single(_cli.Ok("annual", "list", "--conflicting").Json().EnumerateArray()).GetProperty("code").GetString());
        _cli.Refused("第七条", "annual", "set", "--year", "2023", "--org", codes[1], "--grade", "优秀");
        _cli.Ok("annual", "set", "--year", "2023", "--org", codes[10], "--grade", "优秀");
        Assert.False(_cli.Ok("annual", "set", "--year", "2023", "--org", codes[0], "--grade", "称职").Json().GetProperty("conflicting").GetBoolean());
        Assert.Empty(_cli.Ok("annual", "list", "--conflicting").Json().EnumerateArray());

        // Approved grades are immutable; a revision is a new recorded decision (第六条).
        _cli.Refused("第六条", "evaluate", "set", "--campaign", y1, "--org", codes[2], "--grade", "一般", "--reason", "改");
        var revision = _cli.Ok("evaluate", "revise", "--campaign", y1, "--org", codes[2], "--grade", "一般", "--reason", "核实群众反映问题属实",
            "--decision", "区委常委会 2024-03-01 决定").Json();
        Assert.Equal(("fairly_good", "average"), (revision.GetProperty("from").GetString(), revision.GetProperty("to").GetString()));
        Assert.Equal("revised", _cli.Ok("evaluate", "show", "--campaign", y1).Json().EnumerateArray()
            .Single(l => l.GetProperty("code").GetString() == codes[2]).GetProperty("status").GetString());

        _cli.Ok("evaluate", "feedback", "--campaign", y1, "--by", "区委书记");
        _cli.Ok("evaluate", "circulate", "--campaign", y1, "--scope", "全区各街道党工委");
        Assert.Equal("区委组织部干部科", _cli.Ok("evaluate", "archive", "--campaign", y1, "--org", codes[4], "--by", "区委组织部干部科").Json().GetProperty("by").GetString());

        // Publication within a scope (第五条).
        Assert.Equal("全区党员干部", _cli.Ok("debrief", "publish", "--campaign", y1, "--scope", "全区党员干部").Json().GetProperty("scope").GetString());

        // The rectification list (第四、七条).
        var items = _cli.Ok("rectify", "list", "--campaign", y1).Json();
        Assert.Equal([codes[2], codes[4]], Strings(items, "org").Order().ToList());
        Assert.All(items.EnumerateArray(), i =>
        {
            Assert.Equal(("consequence", "open"), (i.GetProperty("source").GetString(), i.GetProperty("status").GetString()));
            Assert.Contains(i.GetProperty("colour").GetString(), new[] { "none", "green", "yellow", "red" });
        });
        var late = _cli.Ok("rectify", "add", "--campaign", y1, "--org", codes[7], "--source", "inspection_tour", "--description", "巡察反馈：社区党组织书记队伍老化",
            "--deadline", "2024-01-31", "--measures", "调整充实书记队伍", "--owner", "街道党工委").Json();
        Assert.Equal("red", late.GetProperty("colour").GetString());
        Assert.Equal(late.GetProperty("id").GetInt64(), Assert.Single(_cli.Ok("rectify", "list", "--overdue").Json().EnumerateArray()).GetProperty("id").GetInt64());
        var poorId = items.EnumerateArray().Single(i => i.GetProperty("org").GetString() == codes[4]).GetProperty("id").GetInt64().ToString();
        var referred = _cli.Ok("rectify", "refer", "--id", poorId, "--reason", "问题严重，移交纪委监委");
        Assert.Equal("open", referred.Json().GetProperty("status").GetString());
        Assert.Contains("第七条", referred.Stderr);
        Assert.Equal("in_progress", _cli.Ok("rectify", "progress", "--id", poorId, "--note", "已制定整改方案").Json().GetProperty("status").GetString());
        var revisedId = items.EnumerateArray().Single(i => i.GetProperty("org").GetString() == codes[2]).GetProperty("id").GetInt64().ToString();
        Assert.Equal("done", _cli.Ok("rectify", "close", "--id", revisedId, "--note", "整改到位").Json().GetProperty("status").GetString());

        // The superior circulates the progress: who, when, scope and the counts as they stood.
        var circulated = _cli.Ok("rectify", "circulate", "--campaign", y1, "--scope", "全区各街道党工委").Json();
        Assert.Equal((3, 1, 1, 1), (circulated.GetProperty("items").GetInt32(), circulated.GetProperty("open").GetInt32(),
            circulated.GetProperty("in_progress").GetInt32(), circulated.GetProperty("done").GetInt32()));
        Assert.Equal(1, circulated.GetProperty("overdue").GetInt32());
        Assert.Equal("全区各街道党工委", Assert.Single(_cli.Ok("rectify", "circulations", "--campaign", y1).Json().EnumerateArray()).GetProperty("scope").GetString());

        // Year 2 starts with year 1's open items as its mandatory focus item (第四条), and the debriefing shows them.
        var y2 = _cli.Ok("campaign", "create", "--organiser", County, "--year", "2024", "--min-below-good", "0.3").Json().GetProperty("id").GetInt64().ToString();
        var focus = _cli.Ok("focus", "list", "--campaign", y2).Json();
        var mandatory = focus.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "mandatory.rectification");
        Assert.Equal([codes[4], codes[7]], Strings(mandatory.GetProperty("carried"), "org").Order().ToList());
        Assert.Equal(["in_progress", "open"], Strings(mandatory.GetProperty("carried"), "status").Order().ToList());
        var forPoor = _cli.Ok("focus", "list", "--campaign", y2, "--org", codes[4]).Json().EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "mandatory.rectification");
        Assert.Equal(poorId, forPoor.GetProperty("carried").EnumerateArray().Single().GetProperty("id").GetInt64().ToString());
        // The summary for the level above (第三、八条): a street left out of year 2 shows in the coverage.
        _cli.Ok("campaign", "roster", "remove", "--campaign", y2, "--org", codes[16], "--reason", "撤并中");
        var summary = _cli.Run("campaign", "summary", "--campaign", y2, "--json");
        Assert.Equal(0, summary.ExitCode);
        Assert.Equal([codes[16]], summary.Json().GetProperty("coverage").GetProperty("not_assessed").EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.Contains("第三条", summary.Stderr);
        var summary1 = _cli.Ok("campaign", "summary", "--campaign", y1).Json();
        Assert.Equal(1.0, summary1.GetProperty("coverage").GetProperty("ratio").GetDouble());
        Assert.Equal(2, summary1.GetProperty("grades").GetProperty("average").GetInt32());
        Assert.Single(summary1.GetProperty("publications").EnumerateArray());
        _cli.Ok("campaign", "advance", "--campaign", y2);
        _cli.Ok("campaign", "advance", "--campaign", y2);
        var report = _cli.Dir.File("report-2024.md");
        File.WriteAllText(report, "## 工作成效\n整改见效。\n## 突出问题\n服务能力仍有差距。\n## 根源\n责任压得不实。\n## 措施\n继续整改。\n");
        var debrief = _cli.Ok("debrief", "add", "--campaign", y2, "--org", codes[4], "--mode", "onsite", "--report", report).Json();
        Assert.Equal(poorId, debrief.GetProperty("rectification_carried").EnumerateArray().Single().GetProperty("id").GetInt64().ToString());
        Assert.Contains("上年整改事项", _cli.Run("debrief", "list", "--campaign", y2).Stdout);

        ReportUpward(y1, codes);
        Assert.True(_cli.Ok("audit", "verify").Json().GetProperty("ok").GetBoolean());
    }

    /// <summary>
    /// 第八条: the county signs year 1's bundle; the city, on its own database, registers the county's public key once and
    /// imports it. An altered, an unsigned and a foreign-signed copy are refused with exit 1, and nothing is written.
    /// </summary>
    private void ReportUpward(string y1, IReadOnlyList<string> codes)
    {
        _cli.Refused("第八条", "campaign", "export-bundle", "--campaign", y1, "--out", _cli.Dir.File("nokey.bundle"));
        var fingerprint = _cli.Ok("key", "create", "--org", County).Json().GetProperty("fingerprint").GetString()!;
        var keyFile = _cli.Dir.File("county.pem");
        Assert.Equal(fingerprint, _cli.Ok("key", "export", "--org", County, "--out", keyFile).Json().GetProperty("fingerprint").GetString());
        Assert.Contains("-----BEGIN PUBLIC KEY-----", File.ReadAllText(keyFile));
        var bundle = _cli.Dir.File("jiangan-2023.bundle");
        var exported = _cli.Ok("campaign", "export-bundle", "--campaign", y1, "--out", bundle).Json();
        Assert.Equal(fingerprint, exported.GetProperty("key_fingerprint").GetString());
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(bundle));
        var bytes = File.ReadAllBytes(bundle);

        using var city = new CliSession("e2e-city");
        city.Ok("db", "init");
        using (var c = new SqliteConnection($"Data Source={city.Db};Pooling=False"))
        {
            c.Open();
            DivisionSeed.LoadCounty(c, County);
        }
        // Before the county's key is registered, its bundle is not taken.
        Assert.Contains("没有登记", city.Refused("第八条", "campaign", "import-bundle", bundle).Stderr);
        Assert.Equal(1, city.Run("key", "trust", "--org", County, keyFile, "--fingerprint", new string('0', 64)).ExitCode);
        Assert.Equal(fingerprint, city.Ok("key", "trust", "--org", County, keyFile, "--fingerprint", fingerprint).Json().GetProperty("fingerprint").GetString());

        // One byte changed in the payload (a grade): refused, nothing written.
        var altered = (byte[])bytes.Clone();
        var at = IndexOf(altered, "\"fairly_good\"") + 1;
        altered[at] = (byte)'g';
        var alteredFile = city.Dir.File("altered.bundle");
        File.WriteAllBytes(alteredFile, altered);
        Assert.Contains("签名与内容不符", city.Refused("第八条", "campaign", "import-bundle", alteredFile).Stderr);

        // Without its signature line: refused as unsigned.
        var unsignedFile = city.Dir.File("unsigned.bundle");
        File.WriteAllBytes(unsignedFile, bytes[..(Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1)]);
        Assert.Contains("没有签名", city.Refused("第八条", "campaign", "import-bundle", unsignedFile).Stderr);

        // The same content signed with a key the city never registered: refused as untrusted.
        var signedLength = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        using (var rogue = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var signature = rogue.SignData(bytes.AsSpan(0, signedLength), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            var rogueFingerprint = "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(rogue.ExportSubjectPublicKeyInfo()));
            var foreign = bytes[..signedLength].Concat(Encoding.ASCII.GetBytes($"signature: ECDSA-P256-SHA256 {rogueFingerprint} {Convert.ToBase64String(signature)}\n")).ToArray();
            var foreignFile = city.Dir.File("foreign.bundle");
            File.WriteAllBytes(foreignFile, foreign);
            Assert.Contains("签名不可信", city.Refused("第八条", "campaign", "import-bundle", foreignFile).Stderr);
        }
        Assert.Empty(city.Ok("campaign", "received", "list").Json().EnumerateArray());

        // The genuine bundle imports, once; a second import writes nothing.
        var received = city.Ok("campaign", "import-bundle", bundle).Json();
        Assert.Equal((County, 2023), (received.GetProperty("sender").GetString(), received.GetProperty("year").GetInt32()));
        var again = city.Ok("campaign", "import-bundle", bundle);
        Assert.Equal(received.GetProperty("id").GetInt64(), again.Json().GetProperty("id").GetInt64());
        Assert.Contains("未重复导入", again.Stderr);
        var id = Assert.Single(city.Ok("campaign", "received", "list", "--org", County).Json().EnumerateArray()).GetProperty("id").GetInt64().ToString();

        // What the city can read: roster, grades, tally with its hash, comments, evaluation texts, the rectification list.
        var payload = city.Ok("campaign", "received", "show", "--id", id).Json().GetProperty("payload");
        Assert.Equal(codes.Order().ToList(), Strings(payload.GetProperty("roster"), "code"));
        Assert.Equal("average", payload.GetProperty("roster").EnumerateArray().Single(a => a.GetProperty("code").GetString() == codes[2]).GetProperty("grade").GetString());
        Assert.All(payload.GetProperty("roster").EnumerateArray(), a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("explanation").GetString())));
        Assert.Equal(3, payload.GetProperty("tally").GetProperty("sheets").GetInt32());
        Assert.Equal(_cli.Ok("ballot", "tally", "--campaign", y1).Json().GetProperty("hash").GetString(), payload.GetProperty("tally").GetProperty("hash").GetString());
        Assert.Equal(codes.Count, payload.GetProperty("comments").GetArrayLength());
        Assert.Single(payload.GetProperty("revisions").EnumerateArray());
        Assert.Equal(3, payload.GetProperty("rectification").GetArrayLength());
        Assert.Single(payload.GetProperty("rectification_circulations").EnumerateArray());
        Assert.True(city.Ok("audit", "verify").Json().GetProperty("ok").GetBoolean());

        // Received data is read-only, also behind the program's back.
        using (var c = new SqliteConnection($"Data Source={city.Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE received_bundle SET year = 2022";
            Assert.Contains("只读", Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery()).Message);
        }
    }

    private static int IndexOf(byte[] haystack, string needle)
    {
        var at = haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle));
        Assert.True(at >= 0, $"{needle} not in the bundle");
        return at;
    }
}
