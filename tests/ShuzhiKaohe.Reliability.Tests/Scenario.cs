using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Reliability.Tests;

/// <summary>
/// Databases for the torture tests, built in process through the Core services (fast), as the OS account that
/// runs the tests — so the real executable, run afterwards by the same account, is that database's administrator.
/// 江岸区 (420102) and its 17 real streets from the division file.
/// </summary>
internal static class Scenario
{
    public const string County = "420102";
    public static string Me => Environment.UserName;

    /// <summary>A campaign in the session stage with <paramref name="issued"/> sheets issued; returns its id and the streets.</summary>
    public static (long Campaign, IReadOnlyList<string> Streets) InSession(string db, int issued)
    {
        using var core = new CoreHarness(db, operatorName: Me);
        List<string> streets;
        using (var c = core.Get<Database>().Open()) streets = DivisionSeed.LoadCounty(c, County).Select(s => s.Code).ToList();
        var campaigns = core.Get<CampaignService>();
        var id = campaigns.Create(County, 2023, minBelowGood: 0.3).Value.Campaign.Id;
        campaigns.Advance(id);
        campaigns.Advance(id);
        core.Get<BallotService>().Issue(id, issued);
        SqliteConnection.ClearAllPools();
        return (id, streets);
    }

    /// <summary>A campaign in evaluation whose hand-set grades meet the 第六条 quota: one `evaluate approve` from approved.</summary>
    public static long ReadyForApproval(string db)
    {
        var (id, streets) = InSession(db, 100);
        using var core = new CoreHarness(db, operatorName: Me);
        core.Get<SessionService>().Record(id, "区委常委会扩大会议", new DateOnly(2024, 1, 16));
        foreach (var code in streets)
        {
            core.Get<DebriefingService>().Record(id, code, DebriefMode.Onsite, report: new ReportParts("成效", "问题", "根源", "措施") { FullText = "全文" });
            core.Get<CommentService>().Add(id, code, CommentBy.Superior, "整改不彻底", "抓好整改");
        }
        var ballots = core.Get<BallotService>();
        for (var s = 1; s <= 3; s++)
            ballots.AddSheet(id, new BallotSheetInput($"S{s}", false, streets.Select((c, k) => (c, (Grade?)(Grade)(1 + (k + s) % 3))).ToDictionary(x => x.c, x => x.Item2)));
        core.Get<CampaignService>().Advance(id);
        var evaluation = core.Get<EvaluationService>();
        for (var i = 0; i < streets.Count; i++)
            evaluation.Set(id, streets[i], i < 4 ? Grade.FairlyGood : i < 6 ? Grade.Average : Grade.Good, "党委研究意见");
        SqliteConnection.ClearAllPools();
        return id;
    }

    /// <summary>Rectification items on the first streets, for editors to fight over.</summary>
    public static IReadOnlyList<long> RectificationItems(string db, long campaign, IReadOnlyList<string> streets, int count)
    {
        using var core = new CoreHarness(db, operatorName: Me);
        var service = core.Get<RectificationService>();
        var ids = streets.Take(count).Select(code => service.Add(code, RectificationSource.Comment, $"{code} 党员教育管理不规范", new DateOnly(2024, 6, 30), campaign).Id).ToList();
        SqliteConnection.ClearAllPools();
        return ids;
    }

    /// <summary>A CSV of <paramref name="sheets"/> sheets rating every street (`ballot import`).</summary>
    public static string BallotCsv(string path, IReadOnlyList<string> streets, int sheets, string prefix)
    {
        var marks = new[] { "好", "较好", "一般", "差", "" };
        var b = new StringBuilder("sheet,org_code,mark\n");
        for (var s = 0; s < sheets; s++)
            for (var k = 0; k < streets.Count; k++)
                b.Append(prefix).Append(s).Append(',').Append(streets[k]).Append(',').Append(marks[(s + k) % marks.Length]).Append('\n');
        File.WriteAllText(path, b.ToString());
        return path;
    }

    public static long Scalar(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public static string Text(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar()) ?? "";
    }
}

/// <summary>The real executable as a process that can be left to finish or killed (SIGKILL) mid-way.</summary>
internal sealed class Shuzhi(string dataHome)
{
    private readonly ShuzhiProcess _process = new(dataHome);

    public Process Start(params string[] args)
    {
        var p = _process.Start(args);
        p.StandardInput.Close();
        return p;
    }

    public ProcessResult Run(params string[] args) => _process.Run(args);

    /// <summary>What an operator must never see (issue 10): a raw lock error or a stack trace.</summary>
    public static void AssertClean(ProcessResult r, string what)
    {
        var all = r.Stdout + r.Stderr;
        Assert.False(all.Contains("database is locked", StringComparison.OrdinalIgnoreCase), $"{what}: {r}");
        Assert.False(all.Contains("   at ", StringComparison.Ordinal) || all.Contains("Unhandled exception", StringComparison.Ordinal), $"{what}: {r}");
        Assert.False(r.ExitCode == 4, $"{what} met an internal error: {r}");
    }
}
