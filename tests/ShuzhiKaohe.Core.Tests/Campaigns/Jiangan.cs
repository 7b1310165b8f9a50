using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Campaigns;

/// <summary>
/// 江岸区 (420102) under 武汉市 under 湖北省, from the real division file, in a fresh database with the real plugins:
/// the county committee organises its 17 streets' campaign. One per test.
/// </summary>
internal sealed class Jiangan : IDisposable
{
    public const string County = "420102";
    public const string Dazhi = "420102002";
    public const string Yiyuan = "420102003";

    public Jiangan(string operatorName = "tester")
    {
        Core = new CoreHarness(operatorName: operatorName);
        using var c = Open();
        Streets = DivisionSeed.LoadCounty(c, County);
    }

    public CoreHarness Core { get; }
    public IReadOnlyList<(string Code, string Name)> Streets { get; }

    public CampaignService Campaigns => Core.Get<CampaignService>();
    public SessionService Sessions => Core.Get<SessionService>();
    public DebriefingService Debriefings => Core.Get<DebriefingService>();
    public CommentService Comments => Core.Get<CommentService>();
    public BallotService Ballots => Core.Get<BallotService>();
    public CampaignFocusService Focus => Core.Get<CampaignFocusService>();
    public InspectionService Inspections => Core.Get<InspectionService>();

    public SqliteConnection Open() => Core.Get<Database>().Open();

    public long NewCampaign(int year = 2023) => Campaigns.Create(County, year).Value.Campaign.Id;

    /// <summary>A campaign moved to the session stage (plan → inspection → session).</summary>
    public long InSession(int year = 2023)
    {
        var id = NewCampaign(year);
        Campaigns.Advance(id);
        Campaigns.Advance(id);
        return id;
    }

    /// <summary>Everything the session → evaluation gate needs: meeting, debriefings, superior comments.</summary>
    public void CompleteSession(long id)
    {
        Sessions.Record(id, "区委常委会扩大会议", new DateOnly(2024, 1, 15));
        foreach (var (code, _) in Streets)
        {
            Debriefings.Record(id, code, DebriefMode.Onsite, report: new ReportParts("成效", "问题", "根源", "措施") { FullText = "全文" });
            Comments.Add(id, code, CommentBy.Superior, "问题一；问题二", "方向");
        }
    }

    public long Scalar(string sql)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    /// <summary>The detail lines of SQLite's EXPLAIN QUERY PLAN for <paramref name="sql"/> with one parameter bound.</summary>
    public List<string> QueryPlan(string sql, string parameter, object value)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        cmd.Parameters.AddWithValue(parameter, value);
        using var r = cmd.ExecuteReader();
        var plan = new List<string>();
        while (r.Read()) plan.Add(r.GetString(3));
        return plan;
    }

    public void Exec(string sql)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => Core.Dispose();
}
