using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>
/// Issue 5 end to end through the real executable: 江岸区's 2023 campaign over its real streets (from the real
/// division file) is planned, inspected, debriefed, commented and balloted from the CLI; every refusal exits 1
/// citing its article; a ballot sheet changed with raw SQL is caught by <c>ballot verify</c>.
/// </summary>
public sealed class CampaignEndToEndTests : IDisposable
{
    private const string County = "420102";
    private readonly CliSession _cli = new("e2e-campaign");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_county_campaign_over_its_real_streets_runs_from_the_cli_and_verify_catches_a_sheet_changed_behind_its_back()
    {
        _cli.Ok("db", "init");
        IReadOnlyList<(string Code, string Name)> streets;
        using (var c = new SqliteConnection($"Data Source={_cli.Db};Pooling=False"))
        {
            c.Open();
            streets = DivisionSeed.LoadCounty(c, County);
            DivisionSeed.Secretary(c, streets[0].Code, "张前任", "2021-02-01", "2023-06-30");
            DivisionSeed.Secretary(c, streets[0].Code, "李书记", "2023-06-30");
        }
        var codes = streets.Select(s => s.Code).ToList();
        Assert.Equal(17, codes.Count);

        // Plan (第三、四条).
        _cli.Refused("第十条", "campaign", "create", "--organiser", County, "--year", "2018");
        var created = _cli.Ok("campaign", "create", "--organiser", County, "--year", "2023", "--min-below-good", "0.3").Json();
        var id = created.GetProperty("id").GetInt64().ToString();
        Assert.Equal("plan", created.GetProperty("stage").GetString());
        Assert.Equal(codes, created.GetProperty("roster").EnumerateArray().Select(e => e.GetString()!).ToList());
        var removed = codes[^1];
        _cli.Ok("campaign", "roster", "remove", "--campaign", id, "--org", removed, "--reason", "管理区，不单独述职");
        codes.RemoveAt(codes.Count - 1);

        var annual = _cli.Ok("focus", "add", "--campaign", id, "--title", "党建引领城市社区治理", "--indicator", "居民反映的急难愁盼问题解决情况", "--weight", "15").Json();
        Assert.Equal("annual.1", annual.GetProperty("code").GetString());
        _cli.Refused("第六条", "focus", "add", "--campaign", id, "--title", "基层党建", "--indicator", "全年召开党建工作会议次数");
        var focus = _cli.Ok("focus", "list", "--campaign", id, "--org", codes[0]).Json();
        var sources = focus.EnumerateArray().Select(i => i.GetProperty("source").GetString()).Distinct().ToList();
        Assert.Equal(["standard", "sector", "annual", "mandatory"], sources);
        Assert.All(focus.EnumerateArray(), i => Assert.True(i.TryGetProperty("weight", out _) && i.TryGetProperty("title", out _)));

        var session = _cli.Ok("session", "record", "--campaign", id, "--form", "区委常委会扩大会议", "--date", "2024-01-16",
            "--attendees", "党代表=5,人大代表=3,政协委员=2,基层党员干部群众代表=12,上级组织部门派员=2").Json();
        Assert.Equal(12, session.GetProperty("attendees").GetProperty("grassroots").GetInt32());
        var shown = _cli.Ok("campaign", "show", "--campaign", id).Json();
        var first = shown.GetProperty("assessees").EnumerateArray().First();
        Assert.Equal("李书记", first.GetProperty("secretary").GetString());
        Assert.Contains("mid_year_change", first.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        // On-site inspection (第六条).
        Assert.Equal("inspection", _cli.Ok("campaign", "advance", "--campaign", id).Json().GetProperty("stage").GetString());
        _cli.Refused("第六条", "inspect", "add", "--campaign", id, "--org", codes[0], "--item", "std.3", "--score", "90", "--evidence", "briefing");
        _cli.Refused("第六条", "inspect", "add", "--campaign", id, "--org", codes[0], "--item", "std.3", "--score", "90", "--evidence", "site", "--note", "全年召开会议12次");
        foreach (var code in codes)
            _cli.Ok("inspect", "add", "--campaign", id, "--org", code, "--item", "std.3", "--score", "85", "--evidence", "site,interview", "--note", "党群服务中心群众评价好");
        var warned = _cli.Ok("inspect", "add", "--campaign", id, "--org", codes[0], "--item", "annual.1", "--score", "70", "--evidence", "site,records");
        Assert.Contains("第六条", warned.Stderr);
        Assert.NotEmpty(warned.Json().GetProperty("warnings").EnumerateArray());

        // The session: debriefings, comments (第五条).
        Assert.Equal("session", _cli.Ok("campaign", "advance", "--campaign", id).Json().GetProperty("stage").GetString());
        _cli.Refused("第五条", "debrief", "add", "--campaign", id, "--org", codes[1], "--mode", "written");
        for (var i = 0; i < codes.Count; i++)
        {
            var report = _cli.Dir.File($"report-{codes[i]}.md");
            File.WriteAllText(report, i == 2
                ? "## 工作成效\n社区治理有成效。\n## 突出问题\n\n## 根源\n认识不足。\n## 措施\n加强整改。\n"
                : $"## 工作成效\n{streets[i].Name}党群服务中心全面开放,,,,,,群众满意。。。。。\n## 突出问题\n社区党组织服务能力不足。\n## 根源\n书记责任压得不实。\n## 措施\n开展整顿。\n");
            var d = _cli.Ok("debrief", "add", "--campaign", id, "--org", codes[i], "--mode", "onsite", "--report", report).Json();
            if (i == 2) Assert.Contains("problems_empty", d.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
            else Assert.Equal("社区党组织服务能力不足。", d.GetProperty("report").GetProperty("problems").GetString());
        }
        Assert.Contains("群众满意。", _cli.Ok("debrief", "list", "--campaign", id).Stdout);
        var blocked = _cli.Refused("第五条", "campaign", "advance", "--campaign", id);
        Assert.Contains("尚无书记点评", blocked.Stderr);
        foreach (var code in codes)
            _cli.Ok("comment", "add", "--campaign", id, "--org", code, "--by", "superior", "--problems", "1. 整改不彻底；2. 书记队伍老化", "--direction", "抓好整改");
        var noProblems = _cli.Ok("comment", "add", "--campaign", id, "--org", codes[0], "--by", "higher", "--direction", "继续努力").Json();
        Assert.Contains("no_problems", noProblems.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        // Anonymous ballots (第五条).
        _cli.Ok("ballot", "issue", "--campaign", id, "--count", "30");
        string[] marks = ["好", "较好", "一般", "差", ""];
        var expected = codes.ToDictionary(c => c, _ => new int[5]);
        var csv = new StringBuilder("sheet,org_code,mark\n");
        for (var s = 1; s <= 25; s++)
            for (var k = 0; k < codes.Count; k++)
            {
                var m = (s + k) % 5;
                expected[codes[k]][m]++;
                csv.Append($"S{s:D3},{codes[k]},{marks[m]}\n");
            }
        csv.Append("S026,,void\n");
        var csvFile = _cli.Dir.File("ballots.csv");
        File.WriteAllText(csvFile, csv.ToString());
        var bad = _cli.Dir.File("bad.csv");
        File.WriteAllText(bad, $"sheet,org_code,mark\nX1,{codes[0]},优秀\nX2,999999,好\n");
        var badRun = _cli.Run("ballot", "import", "--campaign", id, bad);
        Assert.Equal(1, badRun.ExitCode);
        Assert.Contains("第 2 行", badRun.Stderr);
        Assert.Contains("999999", badRun.Stderr);
        var imported = _cli.Ok("ballot", "import", "--campaign", id, csvFile).Json();
        Assert.Equal(26, imported.GetProperty("sheets").GetInt32());
        _cli.Refused("第五条", "ballot", "add", "--campaign", id, "--sheet", "S001", "--marks", $"{codes[0]}=好");
        _cli.Ok("ballot", "add", "--campaign", id, "--sheet", "S027", "--marks", $"{codes[0]}=好,{codes[1]}=较好");

        var tally = _cli.Ok("ballot", "tally", "--campaign", id).Json();
        Assert.Equal(30, tally.GetProperty("issued").GetInt32());
        Assert.Equal(27, tally.GetProperty("sheets").GetInt32());
        Assert.Equal(1, tally.GetProperty("void").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", tally.GetProperty("hash").GetString());
        expected[codes[0]][0]++;
        expected[codes[1]][1]++;
        for (var k = 2; k < codes.Count; k++) expected[codes[k]][4]++;
        foreach (var a in tally.GetProperty("assessees").EnumerateArray())
        {
            var e = expected[a.GetProperty("code").GetString()!];
            Assert.Equal(e, new[] { "good", "fairly_good", "average", "poor", "blank" }.Select(f => a.GetProperty(f).GetInt32()).ToArray());
        }
        Assert.True(_cli.Ok("ballot", "verify", "--campaign", id).Json().GetProperty("ok").GetBoolean());
        // Issue 9 §4: every write above is in the audit trail, and the data agrees with it.
        Assert.True(_cli.Ok("audit", "verify").Json().GetProperty("ok").GetBoolean());

        // A sheet changed behind the program's back.
        _cli.Sql($"UPDATE ballot_mark SET mark = 4 WHERE sheet_id = (SELECT id FROM ballot_sheet WHERE serial = 'S007') AND entry_id = (SELECT id FROM roster_entry WHERE org_code = '{codes[3]}')");
        var verify = _cli.Run("ballot", "verify", "--campaign", id, "--json");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("S007", verify.Stderr);
        Assert.Equal(["S007"], verify.Json().GetProperty("changed_sheets").EnumerateArray().Select(s => s.GetString()).ToList());
        var audit = _cli.Run("audit", "verify");
        Assert.Equal(1, audit.ExitCode);
        Assert.Contains($"ballot_sheet {id}/S007 ", audit.Stderr);

        Assert.Equal("evaluation", _cli.Ok("campaign", "advance", "--campaign", id).Json().GetProperty("stage").GetString());
        _cli.Refused("第六条", "campaign", "advance", "--campaign", id);
        Assert.Equal(JsonValueKind.Array, _cli.Ok("campaign", "list").Json().ValueKind);
    }
}
