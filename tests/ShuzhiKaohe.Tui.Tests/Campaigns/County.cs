using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Tui.Tests.Campaigns;

/// <summary>
/// 江汉区 (420103, 15 streets, from the real division file) in a test database, and the Core calls that bring its
/// campaign to a stage — the setup the console's tests start from. The console itself is then driven by keys.
/// </summary>
internal static class County
{
    public const string Code = "420103";
    public const int Year = 2025;

    public static IReadOnlyList<string> Load(IServiceProvider services)
    {
        using var c = services.GetRequiredService<Database>().Open();
        return DivisionSeed.LoadCounty(c, Code).Select(s => s.Code).ToList();
    }

    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();

    /// <summary>A campaign in plan (quota 0.3), its meeting recorded.</summary>
    public static long InPlan(IServiceProvider s, double quota = 0.3)
    {
        var id = s.Get<CampaignService>().Create(Code, Year, quota).Value.Campaign.Id;
        s.Get<SessionService>().Record(id, "区委常委会扩大会议", new DateOnly(Year + 1, 1, 15));
        return id;
    }

    /// <summary>Through inspection (every assessee scored) into the session.</summary>
    public static long InSession(IServiceProvider s, double quota = 0.3)
    {
        var id = InPlan(s, quota);
        var campaigns = s.Get<CampaignService>();
        campaigns.Advance(id);
        foreach (var a in campaigns.Assessees(id))
            s.Get<InspectionService>().Record(id, a.Entry.OrgCode, "std.3", 80, [EvidenceKind.Site, EvidenceKind.Interview]);
        campaigns.Advance(id);
        return id;
    }

    /// <summary>Reports and superior comments for everyone, some sheets keyed, then into the evaluation.</summary>
    public static long InEvaluation(IServiceProvider s, double quota = 0.3)
    {
        var id = InSession(s, quota);
        CompleteSession(s, id);
        var codes = s.Get<CampaignService>().Assessees(id).Select(a => a.Entry.OrgCode).ToList();
        for (var n = 1; n <= 3; n++)
            s.Get<BallotService>().AddSheet(id, new BallotSheetInput($"S{n}", false,
                codes.ToDictionary(c => c, c => (Abstractions.Grade?)Abstractions.Grade.Good)));
        s.Get<CampaignService>().Advance(id);
        return id;
    }

    public static void CompleteSession(IServiceProvider s, long id)
    {
        foreach (var a in s.Get<CampaignService>().Assessees(id))
        {
            s.Get<DebriefingService>().Record(id, a.Entry.OrgCode, DebriefMode.Onsite, report: new ReportParts("成效", "问题", "根源", "措施"));
            s.Get<CommentService>().Add(id, a.Entry.OrgCode, CommentBy.Superior, "问题一；问题二", "方向");
        }
    }
}
