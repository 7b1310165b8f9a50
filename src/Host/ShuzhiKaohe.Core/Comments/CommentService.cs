using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Comments;

/// <summary>
/// Comments on the reporters (点评, 第五、八条), keyed during the session: "听取述职的上级党组织书记应逐一进行点评，班子其他成员
/// 可结合工作分工进行点评，重点指出存在的问题和努力方向". A comment without problems is accepted and flagged. Each problem
/// is kept as its own item so that the rectification list can point at it.
/// </summary>
public sealed class CommentService(Database database, CampaignService campaigns, OperatorContext who, AuditTrail audit)
{
    /// <summary>The audited entity of a comment with its problem items (issue 9 §4), registered by <see cref="CommentsFeature"/>.</summary>
    public const string AuditEntity = "comment";

    internal static readonly AuditedEntity Audited = new(AuditEntity, "comment", "id")
    {
        StateSql = """
            SELECT json_object('entry_id', k.entry_id, 'by_role', k.by_role, 'commenter', k.commenter, 'mode', k.mode, 'problems', k.problems,
                   'direction', k.direction, 'recorded_by', k.recorded_by, 'recorded_at', k.recorded_at,
                   'items', (SELECT json_group_array(json_array(p.id, p.seq, p.text)) FROM (SELECT * FROM comment_problem WHERE comment_id = k.id ORDER BY seq) p))
              FROM comment k WHERE k.id = $key
            """,
        KeysSql = "SELECT id FROM comment",
    };

    public Warned<Comment> Add(long campaignId, string orgCode, CommentBy by, string? problems, string? direction,
        CommentMode mode = CommentMode.OneByOne, string? commenter = null)
    {
        campaigns.Require(campaignId, Permission.DebriefingWrite);
        var p = Clean(problems);
        var d = Clean(direction);
        if (p is null && d is null)
            throw new InvalidInputException("点评须写明存在的问题（--problems）或努力方向（--direction）（第五条“重点指出存在的问题和努力方向”）");
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, "录入点评", CampaignStage.Session);
        var entry = CampaignService.ActiveEntry(c, tx, campaign, orgCode);
        var warnings = new List<string>();
        if (by == CommentBy.Higher
            && (MeetingStore.Find(c, tx, campaignId)?.Attendees.GetValueOrDefault(AttendeeCategory.OrgDepartment) ?? 0) == 0)
            warnings.Add("第八条：本次述职评议会记录中没有上级组织部门派员，请核对会议记录（session record --attendees 上级组织部门派员=N）");
        var id = CommentStore.Insert(c, tx, entry.Id, by, Clean(commenter), mode, p, d, SplitProblems(p), who.Name);
        audit.RecordChange(c, tx, "create", AuditEntity, CampaignAudit.Key(id), entry.OrgCode, null, $"考核 {campaignId} 对 {entry.OrgCode} 的点评");
        var saved = Flagged(CommentStore.ForCampaign(c, tx, campaignId, orgCode, id).Single(), warnings);
        tx.Commit();
        return new Warned<Comment>(saved, warnings);
    }

    public IReadOnlyList<Comment> List(long campaignId, string? orgCode = null)
    {
        campaigns.Require(campaignId, Permission.CampaignRead);
        using var c = database.Open();
        CampaignService.Read(c, null, campaignId);
        return CommentStore.ForCampaign(c, null, campaignId, orgCode).Select(k => Flagged(k, null)).ToList();
    }

    /// <summary>Splits "1. 问题一；2. 问题二" (；, ;, new lines) into the items a rectification list can take.</summary>
    public static IReadOnlyList<string> SplitProblems(string? problems)
    {
        if (problems is null) return [];
        return problems.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => System.Text.RegularExpressions.Regex.Replace(s, @"^(\d+[.、．)）]|[（(]\d+[）)]|[一二三四五六七八九十]+、)\s*", "").Trim())
            .Where(s => s.Length > 0).ToList();
    }

    private static Comment Flagged(Comment k, List<string>? warnings)
    {
        var flags = new List<string>();
        if (k.Problems is null)
        {
            flags.Add("no_problems");
            warnings?.Add($"第五条：对 {k.OrgCode} {k.OrgName} 的点评没有指出存在的问题（点评应重点指出存在的问题和努力方向），已记录并标记");
        }
        if (k.Direction is null)
        {
            flags.Add("no_direction");
            warnings?.Add($"第五条：对 {k.OrgCode} {k.OrgName} 的点评没有指明努力方向");
        }
        return k with { Flags = flags };
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : ImportedText.RepairProse(s);
}

/// <summary>第五条 "听取述职的上级党组织书记应逐一进行点评": session → evaluation needs the superior's comment on everyone.</summary>
internal sealed class SuperiorCommentGate : IStageGate
{
    public CampaignStage Leaving => CampaignStage.Session;

    public void Check(GateContext gate)
    {
        var missing = CommentStore.EntriesWithoutSuperior(gate.Connection, gate.Transaction, gate.Campaign.Id).ToHashSet();
        if (missing.Count > 0)
            gate.Block("第五条", $"上级党组织书记应逐一点评，{missing.Count} 个考核对象尚无书记点评：{GateContext.Name(gate.Roster.Where(e => missing.Contains(e.Id)).ToList())}");
    }
}
