using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Evaluation;

/// <summary>
/// Comprehensive evaluation (综合评价, 第六条) before approval: routine observation, the sector strategy's proposal
/// kept within the quota, grades set by hand with a reason, and the live distribution. Approved grades are never
/// changed here (第六条): see <see cref="ApprovalService"/> for approval and revisions.
/// </summary>
public sealed class EvaluationService(Database database, CampaignService campaigns, SectorRegistry sectors, Authorizer auth,
    AuditTrail audit, OperatorContext who)
{
    public Warned<Observation> Observe(long campaignId, string orgCode, double score, string? note = null, long? expectedRowVersion = null)
    {
        if (double.IsNaN(score) || score < 0 || score > 100) throw new InvalidInputException($"平时了解评分须在 0–100 之间，收到 {score}");
        auth.Require(Permission.EvaluationWrite, orgCode);
        using var c = database.Open();
        using var tx = c.BeginWrite();
        // 第六条 "结合平时调研了解": observation is entered up to and during the evaluation, not after approval.
        var campaign = campaigns.Writable(c, tx, campaignId, null, "录入平时了解评分",
            CampaignStage.Plan, CampaignStage.Inspection, CampaignStage.Session, CampaignStage.Evaluation);
        var entry = CampaignService.ActiveEntry(c, tx, campaign, orgCode);
        var existing = EvaluationStore.FindObservation(c, tx, entry.Id);
        if (expectedRowVersion is { } v && existing is not null && existing.RowVersion != v)
            throw new ConflictException($"{orgCode} 的平时了解评分", v, existing.RowVersion);
        var text = string.IsNullOrWhiteSpace(note) ? null : ImportedText.RepairProse(note);
        var observationKey = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var observed = audit.State(c, tx, "evaluation_observation", observationKey);
        EvaluationStore.SaveObservation(c, tx, entry.Id, score, text, who.Name, existing);
        audit.RecordChange(c, tx, existing is null ? "create" : "update", "evaluation_observation", observationKey,
            orgCode, observed, $"平时了解评分 {(existing is null ? "" : $"{existing.Score:0.#} → ")}{score:0.#}");
        var saved = EvaluationStore.FindObservation(c, tx, entry.Id)!;
        tx.Commit();
        return new Warned<Observation>(saved, existing is null ? [] : [$"{orgCode} 已有平时了解评分 {existing.Score:0.#}，已改为 {score:0.#}"]);
    }

    /// <summary>
    /// Scores every assessee with its sector's strategy over ballots, inspection (the mean over items scored) and
    /// observation, proposes grades within the quota (<see cref="GradeProposer"/>) and keeps them as proposals.
    /// A grade already set by hand keeps its grade and reason; only its score and proposal are refreshed.
    /// </summary>
    public Warned<IReadOnlyList<ProposedGrade>> Propose(long campaignId)
    {
        var organiser = OrganiserOf(campaignId);
        auth.Require(Permission.EvaluationWrite, organiser);
        var warnings = new List<string>();
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, "提出综合评价等次", CampaignStage.Evaluation);
        var quota = QuotaOf(campaign);
        var roster = CampaignService.ActiveEntries(c, tx, campaignId);
        var counts = BallotStore.Tally(c, campaignId, tx);
        var (sheets, voids) = BallotStore.Counts(c, tx, campaignId);
        var inspection = EvaluationStore.InspectionMeans(c, tx, campaignId);
        var observation = EvaluationStore.ObservationScores(c, tx, campaignId);
        var scored = new List<ScoredAssessee>();
        foreach (var e in roster)
        {
            if (!sectors.Contains(e.Sector))
                throw new InvalidInputException($"{e.OrgCode} {e.OrgName} 所属板块 {e.Sector} 没有可用的插件，无法按板块规则综合评分（见 plugin list）");
            var row = counts.GetValueOrDefault(e.Id) ?? new int[5];
            var ballots = new BallotCounts(row[1], row[2], row[3], row[4], sheets - voids - (row[1] + row[2] + row[3] + row[4]));
            var result = sectors.Get(e.Sector).Scoring.Score(new ScoringInputs(e.OrgCode, e.Level, ballots,
                inspection.TryGetValue(e.Id, out var i) ? i : null, observation.TryGetValue(e.Id, out var o) ? o : null));
            if (!inspection.ContainsKey(e.Id)) warnings.Add($"{e.OrgCode} {e.OrgName} 没有实地考核评分（第六条）");
            if (!observation.ContainsKey(e.Id)) warnings.Add($"{e.OrgCode} {e.OrgName} 没有平时了解评分（第六条）");
            scored.Add(new ScoredAssessee(e.OrgCode, result, ballots));
        }
        var proposal = GradeProposer.Propose(scored, quota);
        var existing = EvaluationStore.Grades(c, tx, campaignId).ToDictionary(g => g.OrgCode, StringComparer.Ordinal);
        var entries = roster.ToDictionary(e => e.OrgCode, StringComparer.Ordinal);
        foreach (var p in proposal)
        {
            var old = existing.GetValueOrDefault(p.OrgCode);
            var keepSet = old is { Status: GradeStatus.Set };
            var key = Key(entries[p.OrgCode].Id);
            var before = audit.State(c, tx, "evaluation_grade", key);
            EvaluationStore.SaveGrade(c, tx, campaignId, entries[p.OrgCode].Id, p.OrgCode, p.Score, p.Grade,
                keepSet ? old!.Grade : p.Grade, keepSet ? GradeStatus.Set : GradeStatus.Proposed, p.Explanation, keepSet ? old!.Reason : null, who.Name, old);
            audit.RecordChange(c, tx, old is null ? "create" : "update", "evaluation_grade", key, p.OrgCode, before, "综合评价建议等次");
            if (keepSet && old!.Grade != p.Grade)
                warnings.Add($"{p.OrgCode} 已人工确定为“{old.Grade.Chinese()}”（理由：{old.Reason}），建议等次为“{p.Grade.Chinese()}”，保留人工确定的等次");
        }
        var status = quota.Status(EvaluationStore.Grades(c, tx, campaignId).Select(g => g.Grade).ToList());
        if (!status.Met) warnings.Add(status.Explain());
        tx.Commit();
        return new Warned<IReadOnlyList<ProposedGrade>>(proposal, warnings);
    }

    /// <summary>Sets a grade by hand (第六条: an override needs a reason). Refused once the committee has approved.</summary>
    public Warned<EvaluationView> Set(long campaignId, string orgCode, Grade grade, string reason, long? expectedRowVersion = null)
    {
        SetOne(campaignId, orgCode, grade, reason, expectedRowVersion);
        var view = Show(campaignId);
        return new Warned<EvaluationView>(view, view.Quota?.Warnings ?? []);
    }

    /// <summary>
    /// <see cref="Set"/> without reading the whole evaluation again: answers with the one grade as written, the one it
    /// replaced and the campaign as the write found it, so that a screen of thousands updates one line and its
    /// distribution without another read (issue 11).
    /// </summary>
    public GradeChange SetOne(long campaignId, string orgCode, Grade grade, string reason, long? expectedRowVersion = null)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new RuleViolationException("第六条", $"人工确定 {orgCode} 的等次须写明理由（--reason）");
        auth.Require(Permission.EvaluationWrite, orgCode);
        using var c = database.Open();
        using var tx = c.BeginWrite();
        // One read of the campaign serves both refusals (and is handed back, so the screen reads it no more).
        var campaign = CampaignService.Read(c, tx, campaignId);
        if (campaign.Stage is CampaignStage.Approved or CampaignStage.Closed)
            throw new RuleViolationException("第六条",
                $"考核 {campaignId} 的综合评价等次已经党委（党组）研究批准，不能再改：如确需变更，须作出新的决定并用 evaluate revise 记录理由和决定");
        campaign.Require("确定综合评价等次", CampaignStage.Evaluation);
        var entry = CampaignService.ActiveEntry(c, tx, campaign, orgCode);
        var old = EvaluationStore.Grade(c, tx, entry.Id);
        if (expectedRowVersion is { } v && old is not null && old.RowVersion != v) throw new ConflictException($"{orgCode} 的等次", v, old.RowVersion);
        var key = Key(entry.Id);
        var before = audit.State(c, tx, "evaluation_grade", key);
        EvaluationStore.SaveGrade(c, tx, campaignId, entry.Id, orgCode, old?.Score, old?.ProposedGrade, grade, GradeStatus.Set, old?.Explanation,
            ImportedText.RepairProse(reason), who.Name, old);
        audit.RecordChange(c, tx, old is null ? "create" : "update", "evaluation_grade", key, orgCode, before, "人工确定等次");
        var now = EvaluationStore.Grade(c, tx, entry.Id)!;
        tx.Commit();
        return new GradeChange(new EvaluationLine(entry.OrgCode, entry.OrgName, now), old?.Grade, campaign);
    }

    /// <summary>One assessee's line as it is now (after a write by <see cref="ApprovalService.Revise"/>, say).</summary>
    public EvaluationLine Line(long campaignId, string orgCode)
    {
        using var c = database.Open();
        var campaign = CampaignService.Read(c, null, campaignId);
        auth.Require(Permission.EvaluationRead, campaign.OrganiserCode);
        var entry = CampaignService.ActiveEntry(c, null, campaign, orgCode);
        return new EvaluationLine(entry.OrgCode, entry.OrgName, EvaluationStore.Grade(c, null, entry.Id));
    }

    /// <summary>Every active assessee with its grade and status, the distribution against the quota, and the approval.</summary>
    public EvaluationView Show(long campaignId)
    {
        auth.Require(Permission.EvaluationRead, OrganiserOf(campaignId));
        using var c = database.Open();
        var campaign = CampaignService.Read(c, null, campaignId);
        var lines = EvaluationStore.Lines(c, null, campaignId);
        QuotaStatus? status = campaign.MinBelowGood is { } r
            ? Quota.Of((decimal)r).Status(lines.Where(l => l.Grade is not null).Select(l => l.Grade!.Grade).ToList())
            : null;
        if (status is not null && lines.Any(l => l.Grade is null))
            status = status with { Required = Quota.Of((decimal)campaign.MinBelowGood!.Value).RequiredBelowGood(lines.Count), Assessees = lines.Count };
        return new EvaluationView(campaignId, lines, status, EvaluationStore.Approval(c, null, campaignId));
    }

    /// <summary>第六条: the campaign's minimum share of 较好-or-below; evaluation cannot go on without it.</summary>
    internal static Quota QuotaOf(Campaign campaign) =>
        campaign.MinBelowGood is { } r
            ? Quota.Of((decimal)r)
            : throw new RuleViolationException("第六条",
                $"考核 {campaign.Id} 尚未设定“较好”及以下等次的最低比例（评价为“较好”或以下等次的应占一定比例）：请在创建考核时用 --min-below-good 设定");

    internal string OrganiserOf(long campaignId)
    {
        using var c = database.Open();
        return CampaignService.Read(c, null, campaignId).OrganiserCode;
    }

    internal static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
