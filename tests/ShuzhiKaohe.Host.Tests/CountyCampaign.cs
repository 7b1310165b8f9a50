using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>The county campaign the end-to-end tests drive through the real executable (江岸区 and its 17 streets).</summary>
internal static class CountyCampaign
{
    public const string County = "420102";

    /// <summary>Creates the campaign and takes it to the session stage: meeting, inspection, reports, comments and three ballot sheets.</summary>
    public static string ToTheSession(CliSession cli, int year, IReadOnlyList<string> codes)
    {
        var id = cli.Ok("campaign", "create", "--organiser", County, "--year", year.ToString(), "--min-below-good", "0.3").Json().GetProperty("id").GetInt64().ToString();
        cli.Ok("session", "record", "--campaign", id, "--form", "区委常委会扩大会议", "--date", $"{year + 1}-01-16",
            "--attendees", "党代表=5,人大代表=3,政协委员=2,基层党员干部群众代表=12,上级组织部门派员=2");
        cli.Ok("campaign", "advance", "--campaign", id);
        foreach (var code in codes)
            cli.Ok("inspect", "add", "--campaign", id, "--org", code, "--item", "std.3", "--score", "85", "--evidence", "site,interview");
        cli.Ok("campaign", "advance", "--campaign", id);
        var report = cli.Dir.File($"report-{year}.md");
        File.WriteAllText(report, "## 工作成效\n党群服务中心全面开放。\n## 突出问题\n社区党组织服务能力不足。\n## 根源\n责任压得不实。\n## 措施\n开展整顿。\n");
        foreach (var code in codes)
        {
            cli.Ok("debrief", "add", "--campaign", id, "--org", code, "--mode", "onsite", "--report", report);
            cli.Ok("comment", "add", "--campaign", id, "--org", code, "--by", "superior", "--problems", "整改不彻底", "--direction", "抓好整改");
        }
        string[] marks = ["好", "较好", "一般"];
        for (var s = 1; s <= 3; s++)
            cli.Ok("ballot", "add", "--campaign", id, "--sheet", $"S{s}", "--marks", string.Join(",", codes.Select((c, k) => $"{c}={marks[(k + s) % 3]}")));
        return id;
    }

    /// <summary>Plan → inspection → session → evaluation for every street.</summary>
    public static string ThroughTheSession(CliSession cli, int year, IReadOnlyList<string> codes)
    {
        var id = ToTheSession(cli, year, codes);
        Assert.Equal("evaluation", cli.Ok("campaign", "advance", "--campaign", id).Json().GetProperty("stage").GetString());
        return id;
    }
}
