using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Inspection;

/// <summary>
/// On-site inspection (实地考核, 第六条): a score 0–100 per focus item per assessee, with the kinds of evidence behind
/// it. Briefings and records are accepted with a warning and can never be a score's only evidence; a finding that
/// judges by meeting counts, documents, instructions, records or publicity is refused by the guard. Scoring the
/// same item again replaces the score (at the version read).
/// </summary>
public sealed class InspectionService(Database database, CampaignService campaigns, CampaignFocusService focus, FormalismGuard guard, OperatorContext who,
    AuditTrail audit)
{
    /// <summary>The audited entity of a score with its evidence (issue 9 §4), registered by <see cref="InspectionScoresFeature"/>.</summary>
    public const string AuditEntity = "inspection_score";

    internal static readonly AuditedEntity Audited = new(AuditEntity, "inspection_score", "id")
    {
        StateSql = """
            SELECT json_object('entry_id', s.entry_id, 'item_code', s.item_code, 'score', s.score, 'note', s.note,
                   'recorded_by', s.recorded_by, 'recorded_at', s.recorded_at,
                   'evidence', (SELECT json_group_array(v.kind) FROM (SELECT kind FROM inspection_evidence WHERE score_id = s.id ORDER BY kind) v))
              FROM inspection_score s WHERE s.id = $key
            """,
        KeysSql = "SELECT id FROM inspection_score",
    };

    public Warned<InspectionScore> Record(long campaignId, string orgCode, string itemCode, double score, IReadOnlyCollection<EvidenceKind> evidence,
        string? note = null, long? expectedRowVersion = null)
    {
        campaigns.Require(campaignId, Permission.InspectionWrite);
        if (double.IsNaN(score) || score < 0 || score > 100) throw new InvalidInputException($"实地考核评分须在 0–100 之间，收到 {score}");
        if (evidence.Count == 0) throw new InvalidInputException("须写明评分依据（site|interview|briefing|records）");
        if (evidence.All(k => k.IsDiscouraged()))
            throw new RuleViolationException("第六条",
                $"对可以通过现场查看、走访党员群众等作出评价的，一般不以听汇报、查资料、看台账的方式进行考核：{string.Join("、", evidence.Select(k => k.Chinese()))}不能作为评分的唯一依据，须有现场查看（site）或走访党员群众（interview）");
        var finding = string.IsNullOrWhiteSpace(note) ? null : ImportedText.RepairProse(note);

        var warnings = new List<string>();
        using var c = database.Open();
        using var tx = c.BeginWrite();
        // 第六条: "述职评议前，上级党组织一般应对基层党建工作情况进行实地考核".
        var campaign = campaigns.Writable(c, tx, campaignId, null, "录入实地考核评分", CampaignStage.Inspection);
        var entry = CampaignService.ActiveEntry(c, tx, campaign, orgCode);
        var items = focus.ItemsOf(c, tx, campaign, entry);
        var item = items.FirstOrDefault(i => i.Code == itemCode)
                   ?? throw new NotFoundException($"{orgCode} 没有编码为 {itemCode} 的重点内容：可用 {string.Join("、", items.Select(i => i.Code))}（见 focus list）");
        if (finding is not null) guard.Ensure(finding, $"考核发现“{finding}”", entry.Sector);
        if (evidence.Any(k => k.IsDiscouraged()))
            warnings.Add($"第六条：一般不以听汇报、查资料、看台账的方式进行考核（本项依据含{string.Join("、", evidence.Where(k => k.IsDiscouraged()).Select(k => k.Chinese()))}）");
        var existing = InspectionStore.ForCampaign(c, tx, campaignId, orgCode, item.Code).FirstOrDefault();
        if (expectedRowVersion is { } v && existing is not null && existing.RowVersion != v)
            throw new ConflictException($"{orgCode} 的 {item.Code} 实地考核评分", v, existing.RowVersion);
        if (existing is not null) warnings.Add($"{orgCode} 的 {item.Code} 已有评分 {existing.Score:0.#}，已改为 {score:0.#}");
        var before = existing is null ? null : audit.State(c, tx, AuditEntity, CampaignAudit.Key(existing.Id));
        var id = InspectionStore.Save(c, tx, entry.Id, item.Code, score, evidence.OrderBy(k => k).ToList(), finding, who.Name, existing);
        audit.RecordChange(c, tx, existing is null ? "create" : "update", AuditEntity, CampaignAudit.Key(id), entry.OrgCode, before,
            $"考核 {campaignId} 实地考核 {entry.OrgCode} {item.Code}");
        var saved = InspectionStore.ForCampaign(c, tx, campaignId, orgCode, item.Code).Single();
        tx.Commit();
        return new Warned<InspectionScore>(saved, warnings);
    }

    public IReadOnlyList<InspectionScore> List(long campaignId, string? orgCode = null)
    {
        campaigns.Require(campaignId, Permission.CampaignRead);
        using var c = database.Open();
        CampaignService.Read(c, null, campaignId);
        return InspectionStore.ForCampaign(c, null, campaignId, orgCode);
    }
}

/// <summary>
/// inspection → session (第六条 "述职评议前，上级党组织一般应…进行实地考核"): "一般", so an assessee without findings is
/// warned about, not a blocker.
/// </summary>
internal sealed class InspectionGate : IStageGate
{
    public CampaignStage Leaving => CampaignStage.Inspection;

    public void Check(GateContext gate)
    {
        var missing = InspectionStore.EntriesWithout(gate.Connection, gate.Transaction, gate.Campaign.Id).ToHashSet();
        if (missing.Count > 0)
            gate.Warn($"第六条：述职评议前一般应进行实地考核，{missing.Count} 个考核对象尚无实地考核评分：{GateContext.Name(gate.Roster.Where(e => missing.Contains(e.Id)).ToList())}");
    }
}
