using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Reporting;
using ShuzhiKaohe.Core.Tests.Campaigns;

namespace ShuzhiKaohe.Core.Tests.Evaluation;

/// <summary>
/// Issue 9 §4 over the evaluation (issue 6): the routine observation, the approval, a revision, the follow-ups, the
/// reminder interviews, the publication and each rectification progress note are recorded with their state, so a
/// row changed with raw SQL is named by `audit verify`.
/// </summary>
public sealed class EvaluationAuditTests : IDisposable
{
    private readonly Jiangan _j = new();

    public void Dispose() => _j.Dispose();

    private AuditReport Verify() => _j.Core.Get<AuditVerifier>().Verify();

    private void AssertVerifies()
    {
        var r = Verify();
        Assert.True(r.Ok, string.Join("\n", r.Breaks.Select(b => b.Message)));
    }

    private void AssertTamperFound(string entity, string key, string tamper, string undo)
    {
        AssertVerifies();
        _j.Exec(tamper);
        var r = Verify();
        Assert.False(r.Ok, $"{entity} {key}: raw change not found");
        Assert.Contains(r.Breaks, b => b.Entity == entity && b.Key == key);
        _j.Exec(undo);
        AssertVerifies();
    }

    [Fact]
    public void Every_evaluation_record_is_audited_with_its_state_and_a_raw_change_to_any_of_them_is_named()
    {
        var id = _j.Campaigns.Create(Jiangan.County, 2023, 0.3).Value.Campaign.Id;
        _j.Campaigns.Advance(id);
        _j.Campaigns.Advance(id);
        _j.CompleteSession(id);
        _j.Campaigns.Advance(id);
        var evaluation = _j.Core.Get<EvaluationService>();
        var approval = _j.Core.Get<ApprovalService>();

        evaluation.Observe(id, Jiangan.Dazhi, 92, "平时调研");
        var entry = _j.Scalar($"SELECT id FROM roster_entry WHERE campaign_id = {id} AND org_code = '{Jiangan.Dazhi}'");
        AssertTamperFound("evaluation_observation", entry.ToString(), $"UPDATE evaluation_observation SET score = 60 WHERE entry_id = {entry}",
            $"UPDATE evaluation_observation SET score = 92 WHERE entry_id = {entry}");

        for (var i = 0; i < _j.Streets.Count; i++)
            evaluation.Set(id, _j.Streets[i].Code, i < 4 ? Grade.FairlyGood : i < 6 ? Grade.Average : Grade.Good, "党委研究意见");
        approval.Approve(id, "区委常委会");
        AssertTamperFound("evaluation_approval", id.ToString(), $"UPDATE evaluation_approval SET approved_by = 'x' WHERE campaign_id = {id}",
            $"UPDATE evaluation_approval SET approved_by = 'tester' WHERE campaign_id = {id}");

        var interviewed = _j.Streets[4].Code;
        AssertTamperFound("reminder_interview", $"{id}/{interviewed}", $"UPDATE reminder_interview SET grade = 'good' WHERE org_code = '{interviewed}'",
            $"UPDATE reminder_interview SET grade = 'average' WHERE org_code = '{interviewed}'");

        var revisionOrg = _j.Streets[10].Code;
        approval.Revise(id, revisionOrg, Grade.FairlyGood, "核实群众反映问题", "区委常委会 2024-03-01 决定");
        var revision = _j.Scalar("SELECT max(id) FROM evaluation_revision");
        AssertTamperFound("evaluation_revision", revision.ToString(), $"UPDATE evaluation_revision SET reason = '改' WHERE id = {revision}",
            $"UPDATE evaluation_revision SET reason = '核实群众反映问题' WHERE id = {revision}");

        var feedback = approval.Record(id, FollowUpKind.Feedback, null, null, "区委书记").Id;
        AssertTamperFound("evaluation_followup", feedback.ToString(), $"UPDATE evaluation_followup SET done_by = '别人' WHERE id = {feedback}",
            $"UPDATE evaluation_followup SET done_by = '区委书记' WHERE id = {feedback}");

        var publication = _j.Core.Get<ReportingService>().Publish(id, "全区党员干部").Id;
        AssertTamperFound("report_publication", publication.ToString(), $"UPDATE report_publication SET scope = '无' WHERE id = {publication}",
            $"UPDATE report_publication SET scope = '全区党员干部' WHERE id = {publication}");

        var rectification = _j.Core.Get<RectificationService>();
        var item = rectification.List(id).First(i => i.Source == RectificationSource.Consequence);
        rectification.Progress(item.Id, "已制定整改方案");
        var note = _j.Scalar("SELECT max(id) FROM rectification_progress");
        AssertTamperFound("rectification_progress", note.ToString(), $"UPDATE rectification_progress SET note = '已整改完毕' WHERE id = {note}",
            $"UPDATE rectification_progress SET note = '已制定整改方案' WHERE id = {note}");
    }
}
