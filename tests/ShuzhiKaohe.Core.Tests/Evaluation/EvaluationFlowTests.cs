using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Tests.Campaigns;

namespace ShuzhiKaohe.Core.Tests.Evaluation;

/// <summary>江岸区's 17 streets with a quota of 0.3 (at least 6 较好 or below), from the evaluation stage on.</summary>
public sealed class EvaluationFlowTests : IDisposable
{
    private readonly Jiangan _j = new();

    public void Dispose() => _j.Dispose();

    private EvaluationService Evaluation => _j.Core.Get<EvaluationService>();
    private ApprovalService Approval => _j.Core.Get<ApprovalService>();
    private RectificationService Rectification => _j.Core.Get<RectificationService>();
    private AnnualAssessmentService Annual => _j.Core.Get<AnnualAssessmentService>();

    private long InEvaluation(int year = 2023)
    {
        var id = _j.Campaigns.Create(Jiangan.County, year, 0.3).Value.Campaign.Id;
        _j.Campaigns.Advance(id);
        _j.Campaigns.Advance(id);
        _j.CompleteSession(id);
        _j.Campaigns.Advance(id);
        return id;
    }

    /// <summary>Every street 好 except <paramref name="below"/> of them (by hand, with a reason).</summary>
    private void Grade(long id, int below, Grade low = Abstractions.Grade.FairlyGood)
    {
        for (var i = 0; i < _j.Streets.Count; i++)
            Evaluation.Set(id, _j.Streets[i].Code, i < below ? low : Abstractions.Grade.Good, "党委研究意见");
    }

    [Fact]
    public void The_proposal_meets_the_quota_from_the_sector_strategy_and_is_kept_as_proposed()
    {
        var id = InEvaluation();
        Evaluation.Observe(id, Jiangan.Dazhi, 95, "平时了解：群众口碑好");
        var proposal = Evaluation.Propose(id).Value;
        Assert.Equal(17, proposal.Count);
        Assert.True(proposal.Count(p => p.Grade != Abstractions.Grade.Good) >= 6);
        Assert.All(proposal, p => Assert.False(string.IsNullOrWhiteSpace(p.Explanation)));
        var view = Evaluation.Show(id);
        Assert.All(view.Lines, l => Assert.Equal(GradeStatus.Proposed, l.Grade!.Status));
        Assert.True(view.Quota!.Met);
    }

    [Fact]
    public void Approval_is_refused_while_the_quota_is_unmet_saying_how_many_more()
    {
        var id = InEvaluation();
        Grade(id, 4);
        var e = Assert.Throws<RuleViolationException>(() => Approval.Approve(id, "区委常委会"));
        Assert.Equal("第六条", e.Article);
        Assert.Contains("还须 2 人", e.Message);
        Assert.Equal(CampaignStage.Evaluation, _j.Campaigns.Get(id).Stage);
    }

    [Fact]
    public void A_grade_set_by_hand_needs_a_reason() =>
        Assert.Equal("第六条", Assert.Throws<RuleViolationException>(() => Evaluation.Set(InEvaluation(), Jiangan.Dazhi, Abstractions.Grade.Good, " ")).Article);

    [Fact]
    public void Approval_records_the_meeting_makes_grades_immutable_and_a_revision_is_a_new_decision()
    {
        var id = InEvaluation();
        Grade(id, 6);
        var approved = Approval.Approve(id, "区委常委会 2024-01-20").Value;
        Assert.Equal(CampaignStage.Approved, approved.Campaign.Stage);
        Assert.Equal("区委常委会 2024-01-20", approved.Approval.Meeting);
        Assert.All(Evaluation.Show(id).Lines, l => Assert.Equal(GradeStatus.Approved, l.Grade!.Status));

        Assert.Equal("第六条", Assert.Throws<RuleViolationException>(() => Evaluation.Set(id, Jiangan.Dazhi, Abstractions.Grade.Poor, "改")).Article);
        var revision = Approval.Revise(id, Jiangan.Dazhi, Abstractions.Grade.Average, "核实群众反映问题属实", "区委常委会 2024-03-01 决定").Value;
        Assert.Equal((Abstractions.Grade.FairlyGood, Abstractions.Grade.Average), (revision.From, revision.To));
        var line = Evaluation.Show(id).Lines.Single(l => l.OrgCode == Jiangan.Dazhi);
        Assert.Equal((Abstractions.Grade.Average, GradeStatus.Revised), (line.Grade!.Grade, line.Grade.Status));
        Assert.Single(Rectification.List(id, Jiangan.Dazhi), i => i.Source == RectificationSource.Consequence);
    }

    [Fact]
    public void Average_and_poor_bring_a_reminder_interview_and_a_rectification_with_a_deadline_at_approval()
    {
        var id = InEvaluation();
        Grade(id, 6, Abstractions.Grade.Average);
        var today = new DateOnly(2024, 1, 20);
        var result = Approval.Approve(id, null, today).Value;
        Assert.Equal(6, result.Consequences.Count(c => c.Interview && c.RectificationId is not null));
        var items = Rectification.List(id);
        Assert.Equal(6, items.Count);
        Assert.All(items, i => Assert.Equal((RectificationSource.Consequence, RectificationStatus.Open, today.AddDays(90)), (i.Source, i.Status, i.Deadline)));
    }

    [Fact]
    public void Excellent_is_refused_for_a_fairly_good_and_one_recorded_earlier_is_marked_conflicting()
    {
        var id = InEvaluation();
        var low = _j.Streets[0].Code;
        var good = _j.Streets[^1].Code;
        Annual.Set(2023, low, "优秀");
        Grade(id, 6);
        Approval.Approve(id);
        Assert.Equal(low, Assert.Single(Annual.List(2023, conflictingOnly: true)).OrgCode);
        Assert.Equal("第七条", Assert.Throws<RuleViolationException>(() => Annual.Set(2023, _j.Streets[1].Code, "优秀")).Article);
        Assert.Equal("优秀", Annual.Set(2023, good, "优秀").Grade);
        Assert.False(Annual.Set(2023, low, "称职").Conflicting);
        Assert.Empty(Annual.List(2023, conflictingOnly: true));
    }

    [Fact]
    public void A_referral_for_accountability_never_closes_the_rectification()
    {
        var id = InEvaluation();
        Grade(id, 6, Abstractions.Grade.Poor);
        Approval.Approve(id);
        var item = Rectification.List(id).First();
        var referred = Rectification.Refer(item.Id, "问题严重，移交纪委监委");
        Assert.Equal(RectificationStatus.Open, referred.Status);
        Assert.NotNull(referred.Referral);
        Assert.Equal(RectificationStatus.InProgress, Rectification.Progress(item.Id, "已制定整改方案").Status);
        Assert.Equal(RectificationStatus.Done, Rectification.Close(item.Id, "整改到位").Status);
        Assert.Equal(3, Rectification.ProgressOf(item.Id).Count);
    }

    [Fact]
    public void Open_items_carry_into_the_same_organisers_next_campaign()
    {
        var id = InEvaluation();
        Grade(id, 6, Abstractions.Grade.Average);
        Approval.Approve(id);
        var done = Rectification.List(id).First();
        Rectification.Close(done.Id, "整改到位");
        var next = _j.Campaigns.Create(Jiangan.County, 2024, 0.3).Value.Campaign.Id;
        var carried = Rectification.CarriedInto(next);
        Assert.Equal(5, carried.Count);
        Assert.DoesNotContain(carried, i => i.Id == done.Id);
        Assert.Empty(Rectification.CarriedInto(id));
    }

    [Fact]
    public void Overdue_lists_only_items_past_their_deadline_and_not_done()
    {
        var late = Rectification.Add(Jiangan.Dazhi, RectificationSource.InspectionTour, "巡察反馈：软弱涣散村（社区）整顿不到位", new DateOnly(2024, 1, 1));
        Rectification.Add(Jiangan.Yiyuan, RectificationSource.Comment, "点评指出：书记队伍老化", new DateOnly(2024, 6, 1));
        var overdue = Rectification.List(overdueOnly: true, today: new DateOnly(2024, 2, 1));
        Assert.Equal(late.Id, Assert.Single(overdue).Id);
        Assert.Equal(DeadlineColour.Red, overdue[0].ColourOn(new DateOnly(2024, 2, 1), Rectification.Thresholds));
    }

    [Fact]
    public void Changing_one_grade_reads_that_grade_by_its_primary_key_not_the_campaigns_grades()
    {
        var plan = _j.QueryPlan(EvaluationStore.GradeByEntrySql, "$e", 1);
        Assert.Contains(plan, p => p.Contains("SEARCH g USING INTEGER PRIMARY KEY") || p.Contains("SEARCH g USING PRIMARY KEY"));
        Assert.DoesNotContain(plan, p => p.Contains("SCAN") || p.Contains("evaluation_grade_by_campaign"));
    }

    [Fact]
    public void Changing_one_grade_answers_with_the_line_the_grade_it_replaced_and_the_campaign_as_written()
    {
        var id = InEvaluation();
        var first = Evaluation.SetOne(id, Jiangan.Dazhi, Abstractions.Grade.Good, "党委研究意见");
        var change = Evaluation.SetOne(id, Jiangan.Dazhi, Abstractions.Grade.Average, "党委研究意见", first.Line.Grade!.RowVersion);

        Assert.Null(first.Was);
        Assert.Equal(Abstractions.Grade.Good, change.Was);
        Assert.Equal(Evaluation.Line(id, Jiangan.Dazhi), change.Line);
        Assert.Equal(_j.Campaigns.Get(id), change.Campaign);
        Assert.Equal(CampaignStage.Evaluation, change.Campaign.Stage);
    }

    [Fact]
    public void Showing_the_evaluation_walks_the_roster_index_once_without_sorting_the_grades()
    {
        var plan = _j.QueryPlan(EvaluationStore.LinesSql, "$c", 1);
        Assert.Contains(plan, p => p.Contains("SEARCH e USING") && p.Contains("(campaign_id=?)"));
        Assert.Contains(plan, p => p.Contains("SEARCH g USING INTEGER PRIMARY KEY") || p.Contains("SEARCH g USING PRIMARY KEY"));
        Assert.DoesNotContain(plan, p => p.Contains("SCAN") || p.Contains("TEMP B-TREE"));
    }

    [Fact]
    public void Showing_the_evaluation_lists_every_active_assessee_in_code_order_graded_or_not()
    {
        var id = InEvaluation();
        Evaluation.Set(id, _j.Streets[3].Code, Abstractions.Grade.FairlyGood, "党委研究意见");
        Evaluation.Set(id, _j.Streets[5].Code, Abstractions.Grade.Good, "党委研究意见");

        var view = Evaluation.Show(id);

        Assert.Equal(_j.Streets.Select(s => s.Code).Order(StringComparer.Ordinal), view.Lines.Select(l => l.OrgCode));
        Assert.Equal([_j.Streets[3].Code, _j.Streets[5].Code], view.Lines.Where(l => l.Grade is not null).Select(l => l.OrgCode).Order(StringComparer.Ordinal));
        Assert.All(view.Lines.Where(l => l.Grade is not null), l => Assert.Equal(l.OrgName, l.Grade!.OrgName));
        Assert.Equal(Evaluation.Line(id, _j.Streets[3].Code), view.Lines.Single(l => l.OrgCode == _j.Streets[3].Code));
        Assert.Equal(1, view.Quota!.BelowGood);
        Assert.Equal(_j.Streets.Count, view.Quota.Assessees);
    }
}
