using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Campaigns;

/// <summary>
/// Issue 9 §3 "ballot clerks see only sheets, not running grades, until the campaign's session is closed (a
/// setting, on by default)", and §2 "a refusal exits 3 and is audited" for every campaign verb.
/// </summary>
public sealed class BallotSecrecyTests : IDisposable
{
    private readonly Jiangan _j = new("admin");
    private readonly List<CoreHarness> _harnesses = [];

    public BallotSecrecyTests()
    {
        var ops = _j.Core.Get<OperatorAdmin>();
        foreach (var (name, role) in new[] { ("clerk-li", "clerk"), ("reader-zhao", "reader") })
        {
            ops.Add(name);
            ops.Grant(name, role, Jiangan.County, null);
        }
    }

    public void Dispose()
    {
        foreach (var h in _harnesses) h.Dispose();
        _j.Dispose();
    }

    private CoreHarness As(string name, bool? clerksWait = null)
    {
        var h = new CoreHarness(_j.Core.DatabasePath, operatorName: name,
            configure: clerksWait is { } wait ? s => s.AddSingleton(new BallotSettings(wait)) : null);
        _harnesses.Add(h);
        return h;
    }

    private static BallotSheetInput Sheet(string serial, string marks) => new(serial, false, BallotService.ParseMarks(marks));

    private long Denials(string who) =>
        _j.Scalar($"SELECT count(*) FROM audit_entry WHERE operator = '{who}' AND action = 'denied'");

    [Fact]
    public void A_clerk_keys_sheets_but_sees_no_running_tally_until_the_campaign_leaves_the_session()
    {
        var id = _j.InSession();
        var clerk = As("clerk-li").Get<BallotService>();
        clerk.Issue(id, 5);
        clerk.AddSheet(id, Sheet("1", $"{Jiangan.Dazhi}=好"));
        var denied = Denials("clerk-li");
        var e = Assert.Throws<NotPermittedException>(() => clerk.Tally(id));
        Assert.Contains("述职评议会结束前，计票员只录入测评票，不看计票结果", e.Message);
        Assert.Contains(BallotSettings.Setting, e.Message);
        Assert.Equal(denied + 1, Denials("clerk-li"));
        // Whoever may read results sees the running tally.
        Assert.Equal(1, As("reader-zhao").Get<BallotService>().Tally(id).Value.Sheets);

        _j.CompleteSession(id);
        _j.Campaigns.Advance(id);
        Assert.Equal(1, clerk.Tally(id).Value.Sheets);
    }

    [Fact]
    public void With_the_setting_off_a_clerk_sees_the_running_tally_during_the_session()
    {
        var id = _j.InSession();
        var clerk = As("clerk-li", clerksWait: false).Get<BallotService>();
        clerk.AddSheet(id, Sheet("1", $"{Jiangan.Dazhi}=好"));
        Assert.Equal(1, clerk.Tally(id).Value.Assessees.Single(a => a.Code == Jiangan.Dazhi).Counts.Good);
        Assert.Throws<NotPermittedException>(() => As("clerk-li", clerksWait: true).Get<BallotService>().Tally(id));
    }

    [Fact]
    public void Every_campaign_verb_a_clerk_may_not_use_is_refused_and_each_refusal_is_audited()
    {
        var plan = _j.NewCampaign();
        var session = _j.InSession(2024);
        var clerk = As("clerk-li");
        var attempts = new (string Verb, Action Act)[]
        {
            ("campaign create", () => clerk.Get<CampaignService>().Create(Jiangan.County, 2022)),
            ("campaign roster add", () => clerk.Get<CampaignService>().AddToRoster(plan, Jiangan.County)),
            ("campaign roster remove", () => clerk.Get<CampaignService>().RemoveFromRoster(plan, Jiangan.Dazhi, "x")),
            ("campaign assessee", () => clerk.Get<CampaignService>().PinAssessee(plan, Jiangan.Dazhi, null)),
            ("campaign advance", () => clerk.Get<CampaignService>().Advance(plan)),
            ("focus add", () => clerk.Get<CampaignFocusService>().AddAnnual(plan, "党建引领社区治理")),
            ("session record", () => clerk.Get<SessionService>().Record(session, "区委常委会扩大会议", new DateOnly(2024, 1, 15))),
            ("debrief add", () => clerk.Get<DebriefingService>().Record(session, Jiangan.Dazhi, DebriefMode.Onsite)),
            ("comment add", () => clerk.Get<CommentService>().Add(session, Jiangan.Dazhi, CommentBy.Superior, "问题", "方向")),
            ("inspect add", () => clerk.Get<InspectionService>().Record(plan, Jiangan.Dazhi, "std.3", 80, [EvidenceKind.Site])),
            ("ballot tally", () => clerk.Get<BallotService>().Tally(session)),
            ("ballot verify", () => clerk.Get<BallotService>().Verify(session)),
            ("audit list", () => clerk.Get<AuditLog>().List()),
        };
        foreach (var (verb, act) in attempts)
        {
            var before = Denials("clerk-li");
            Assert.True(Record.Exception(act) is NotPermittedException, $"{verb} was not refused");
            Assert.True(Denials("clerk-li") == before + 1, $"the refusal of {verb} was not audited");
        }
        var last = _j.Core.Get<AuditLog>().List().Last(e => e.Action == "denied");
        Assert.Equal(("clerk-li", "permission", "AuditRead"), (last.Operator, last.Entity, last.Key));
    }
}
