using System.Globalization;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Evaluation;

/// <summary>The approval's outcome: the campaign as approved and what 第七条 set in motion.</summary>
public sealed record ApprovalResult(Campaign Campaign, EvaluationApproval Approval, QuotaStatus Quota, IReadOnlyList<ConsequenceOutcome> Consequences);

/// <summary>
/// The committee's approval (党委（党组）研究, 第六条) and what follows: refused while an assessee has no grade or the
/// quota is unmet; records who, when and the meeting; makes the grades immutable; applies 第七条's consequences.
/// After it, a change is a revision (a new decision with its reason), and feedback, circulation and archiving are
/// recorded with date and who did them.
/// </summary>
public sealed class ApprovalService(Database database, CampaignService campaigns, EvaluationService evaluation, Consequences consequences,
    Authorizer auth, AuditTrail audit, OperatorContext who)
{
    public Warned<ApprovalResult> Approve(long campaignId, string? meeting = null, DateOnly? today = null)
    {
        auth.Require(Permission.EvaluationWrite, evaluation.OrganiserOf(campaignId));
        var warnings = new List<string>();
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, "党委（党组）研究批准综合评价", CampaignStage.Evaluation);
        var quota = EvaluationService.QuotaOf(campaign);
        var roster = CampaignService.ActiveEntries(c, tx, campaignId);
        var grades = EvaluationStore.Grades(c, tx, campaignId);
        var ungraded = roster.Where(e => grades.All(g => g.EntryId != e.Id)).ToList();
        if (ungraded.Count > 0)
            throw new RuleViolationException("第六条", $"{ungraded.Count} 个考核对象尚无综合评价等次，不能提请批准：{GateContext.Name(ungraded)}（用 evaluate propose 或 evaluate set）");
        var status = quota.Status(grades.Select(g => g.Grade).ToList());
        // 第六条 "评价为'较好'或以下等次的应占一定比例": approval waits until the proportion is met.
        if (!status.Met) throw new RuleViolationException(Quota.Article, status.Explain()[(Quota.Article.Length + 1)..]);

        var now = Sql.Now();
        var text = string.IsNullOrWhiteSpace(meeting) ? null : ImportedText.RepairProse(meeting);
        EvaluationStore.InsertApproval(c, tx, campaignId, text, who.Name, now);
        audit.RecordChange(c, tx, "approve", "evaluation_approval", campaignId.ToString(CultureInfo.InvariantCulture), campaign.OrganiserCode, null,
            text is null ? "第六条：党委（党组）研究批准" : $"第六条：党委（党组）研究批准：{text}");
        foreach (var g in grades)
        {
            var key = EvaluationService.Key(g.EntryId);
            var before = audit.State(c, tx, "evaluation_grade", key);
            EvaluationStore.SaveGrade(c, tx, campaignId, g.EntryId, g.OrgCode, g.Score, g.ProposedGrade, g.Grade, GradeStatus.Approved,
                g.Explanation, g.Reason, who.Name, g);
            audit.RecordChange(c, tx, "approve", "evaluation_grade", key, g.OrgCode, before, text is null ? "党委（党组）研究批准" : $"党委（党组）研究批准：{text}");
        }
        var moved = campaigns.MoveWithin(c, tx, campaign, CampaignStage.Approved, text, warnings);
        var day = today ?? DateOnly.FromDateTime(DateTime.Today);
        var outcomes = grades.Select(g => consequences.Apply(c, tx, campaignId, campaign.Year, g.OrgCode, g.Grade, day)).ToList();
        foreach (var o in outcomes.Where(o => o.ConflictingAnnualId is not null))
            warnings.Add($"第七条：{o.OrgCode} 等次为“{o.Grade.Chinese()}”，已登记的 {campaign.Year} 年度考核“优秀”与之冲突，请更正（annual list --conflicting）");
        var approval = EvaluationStore.Approval(c, tx, campaignId)!;
        tx.Commit();
        return new Warned<ApprovalResult>(new ApprovalResult(moved, approval, status, outcomes), warnings);
    }

    /// <summary>A change of an approved grade: a new recorded decision with its reason (第六条), never an edit; 第七条 follows the new grade.</summary>
    public Warned<GradeRevision> Revise(long campaignId, string orgCode, Grade grade, string reason, string decision, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolationException("第六条", "变更已批准的等次须写明理由（--reason）");
        if (string.IsNullOrWhiteSpace(decision)) throw new RuleViolationException("第六条", "变更已批准的等次须有新的决定（--decision，如“区委常委会 2024-03-01 决定”）");
        auth.Require(Permission.EvaluationWrite, orgCode);
        var warnings = new List<string>();
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, "变更已批准的等次", CampaignStage.Approved, CampaignStage.Closed);
        var entry = CampaignService.ActiveEntry(c, tx, campaign, orgCode);
        var old = EvaluationStore.Grade(c, tx, entry.Id) ?? throw new NotFoundException($"{orgCode} 在考核 {campaignId} 中尚无等次，无从变更（第六条）");
        if (old.Grade == grade) throw new InvalidInputException($"{orgCode} 的等次已是“{grade.Chinese()}”");
        var key = EvaluationService.Key(entry.Id);
        var before = audit.State(c, tx, "evaluation_grade", key);
        var revisionId = EvaluationStore.InsertRevision(c, tx, entry.Id, old.Grade, grade, ImportedText.RepairProse(reason), ImportedText.RepairProse(decision), who.Name);
        EvaluationStore.SaveGrade(c, tx, campaignId, entry.Id, orgCode, old.Score, old.ProposedGrade, grade, GradeStatus.Revised, old.Explanation,
            ImportedText.RepairProse(reason), who.Name, old);
        audit.RecordChange(c, tx, "revise", "evaluation_grade", key, orgCode, before, $"决定：{decision}；理由：{reason}");
        audit.RecordChange(c, tx, "create", "evaluation_revision", revisionId.ToString(CultureInfo.InvariantCulture), orgCode, null, $"第六条：{old.Grade.Chinese()} → {grade.Chinese()}");
        var outcome = consequences.Apply(c, tx, campaignId, campaign.Year, orgCode, grade, today ?? DateOnly.FromDateTime(DateTime.Today));
        if (outcome.ConflictingAnnualId is not null)
            warnings.Add($"第七条：{orgCode} 等次改为“{grade.Chinese()}”，已登记的 {campaign.Year} 年度考核“优秀”与之冲突，请更正");
        if (outcome.RectificationId is { } item) warnings.Add($"第七条：已约谈提醒并列入限期整改（整改事项 {item}）");
        var revision = EvaluationStore.Revisions(c, tx, campaignId).Single(r => r.Id == revisionId);
        tx.Commit();
        return new Warned<GradeRevision>(revision, warnings);
    }

    /// <summary>Feedback to the person, circulation within a scope, archiving by the cadre-management department (第六条).</summary>
    public FollowUp Record(long campaignId, FollowUpKind kind, string? orgCode, string? scope, string? doneBy)
    {
        if (kind == FollowUpKind.Circulate && string.IsNullOrWhiteSpace(scope))
            throw new InvalidInputException("通报须写明范围（--scope）");
        if (kind == FollowUpKind.Archive && string.IsNullOrWhiteSpace(doneBy))
            throw new InvalidInputException("归档须写明具有干部管理权限的部门（--by，如“区委组织部干部科”）");
        auth.Require(Permission.EvaluationWrite, orgCode ?? evaluation.OrganiserOf(campaignId));
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, $"记录{kind.Chinese()}", CampaignStage.Approved, CampaignStage.Closed);
        if (orgCode is not null) CampaignService.ActiveEntry(c, tx, campaign, orgCode);
        var by = string.IsNullOrWhiteSpace(doneBy) ? who.Name : ImportedText.RepairProse(doneBy);
        var record = EvaluationStore.InsertFollowUp(c, tx, campaignId, orgCode, kind, string.IsNullOrWhiteSpace(scope) ? null : ImportedText.RepairProse(scope), by, who.Name);
        audit.RecordChange(c, tx, kind.Key(), "evaluation_followup", record.Id.ToString(CultureInfo.InvariantCulture), orgCode ?? campaign.OrganiserCode, null,
            $"{kind.Chinese()}：{orgCode ?? "全体"}{(record.Scope is null ? "" : $"，范围 {record.Scope}")}，{by}");
        tx.Commit();
        return record;
    }
}
