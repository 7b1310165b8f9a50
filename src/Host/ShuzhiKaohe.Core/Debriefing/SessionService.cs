using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Debriefing;

/// <summary>
/// The debriefing session's record (述职评议会, 第五、八条): its form, its date and its invited attendees by
/// category. It may be planned in plan and corrected until the session ends; the date fixes the assessees.
/// </summary>
public sealed class SessionService(Database database, CampaignService campaigns, OperatorContext who, AuditTrail audit)
{
    /// <summary>The audited entity of the meeting record with its attendance (issue 9 §4), keyed by campaign id.</summary>
    public const string AuditEntity = "session_meeting";

    internal static readonly AuditedEntity Audited = new(AuditEntity, "session_meeting", "campaign_id")
    {
        StateSql = """
            SELECT json_object('form_key', m.form_key, 'form', m.form, 'held_on', m.held_on, 'recorded_by', m.recorded_by, 'recorded_at', m.recorded_at,
                   'attendance', (SELECT json_group_array(json_array(a.category, a.attendees))
                                    FROM (SELECT * FROM session_attendance WHERE campaign_id = m.campaign_id ORDER BY category) a))
              FROM session_meeting m WHERE m.campaign_id = $key
            """,
        KeysSql = "SELECT campaign_id FROM session_meeting",
    };

    public SessionMeeting? Find(long campaignId)
    {
        campaigns.Require(campaignId, Permission.CampaignRead);
        using var c = database.Open();
        CampaignService.Read(c, null, campaignId);
        return MeetingStore.Find(c, null, campaignId);
    }

    public Warned<SessionMeeting> Record(long campaignId, string form, DateOnly heldOn, IReadOnlyDictionary<AttendeeCategory, int>? attendees = null,
        long? expectedRowVersion = null)
    {
        campaigns.Require(campaignId, Permission.CampaignManage);
        if (string.IsNullOrWhiteSpace(form)) throw new InvalidInputException("须写明会议形式，如“党委常委会扩大会议”（第五条）");
        attendees ??= new Dictionary<AttendeeCategory, int>();
        foreach (var (category, n) in attendees)
            if (n < 0) throw new InvalidInputException($"{category.Chinese()}人数不能为负数：{n}");

        var warnings = new List<string>();
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, "记录述职评议会", CampaignStage.Plan, CampaignStage.Inspection, CampaignStage.Session);
        var existing = MeetingStore.Find(c, tx, campaignId);
        if (expectedRowVersion is { } v && existing is not null && existing.RowVersion != v)
            throw new ConflictException($"考核 {campaignId} 的述职评议会记录", v, existing.RowVersion);

        var key = AttendeeCategories.ClassifyForm(form);
        if (key == MeetingForm.Other)
            warnings.Add($"第五条：上级党组织一般以党委常委会扩大会议或党委（党组）扩大会议的形式听取述职，本次记录为“{form.Trim()}”");
        if (!IsYearEndOrEarlyNext(heldOn, campaign.Year))
            warnings.Add($"第五条：述职评议考核一般安排在当年年底或次年年初（{campaign.Year} 年 11 月至 {campaign.Year + 1} 年 3 月），本次会议日期为 {heldOn:yyyy-MM-dd}");
        if (campaign.OrganiserSector == SectorKeys.Localities && OrganiserLevel(c, tx, campaign) is >= 1 and <= 3
            && attendees.GetValueOrDefault(AttendeeCategory.OrgDepartment) == 0)
            warnings.Add("第八条：中央组织部和省、市党委组织部门分别派人参加省、市、县召开的述职评议会并进行点评：尚未记录上级组织部门派员");

        var auditKey = CampaignAudit.Key(campaignId);
        var before = audit.State(c, tx, AuditEntity, auditKey);
        MeetingStore.Save(c, tx, campaignId, key, form.Trim(), heldOn, attendees.Where(a => a.Value > 0).ToDictionary(), who.Name, existing?.RowVersion);
        audit.RecordChange(c, tx, existing is null ? "create" : "update", AuditEntity, auditKey, campaign.OrganiserCode, before, $"考核 {campaignId} 述职评议会");
        var saved = MeetingStore.Find(c, tx, campaignId)!;
        tx.Commit();
        return new Warned<SessionMeeting>(saved, warnings);
    }

    /// <summary>第五条 "一般安排在当年年底或次年年初": November–December of the year, or January–March of the next.</summary>
    public static bool IsYearEndOrEarlyNext(DateOnly date, int year) =>
        (date.Year == year && date.Month >= 11) || (date.Year == year + 1 && date.Month <= 3);

    private static int OrganiserLevel(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction tx, Campaign campaign) =>
        Organisations.OrganisationDirectory.Find(c, campaign.OrganiserCode, tx)?.Level ?? 0;

    /// <summary>Reads "党代表=3,人大代表=2" or "party_delegate=3,npc_deputy=2" (，、； also separate).</summary>
    public static IReadOnlyDictionary<AttendeeCategory, int> ParseAttendees(string? text)
    {
        var result = new Dictionary<AttendeeCategory, int>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var part in text.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOfAny(['=', '＝', ':', '：']);
            if (eq < 1 || !int.TryParse(part[(eq + 1)..].Trim(), out var n) || n < 0)
                throw new InvalidInputException($"参会人员“{part}”应写作 类别=人数，如 党代表=5");
            if (!AttendeeCategories.TryParse(part[..eq], out var category))
                throw new InvalidInputException(
                    $"未知的参会人员类别“{part[..eq].Trim()}”：可用 {string.Join("、", AttendeeCategories.All.Select(a => $"{a.Chinese()}（{a.Key()}）"))}（第五、八条）");
            if (!result.TryAdd(category, n)) throw new InvalidInputException($"参会人员类别“{category.Chinese()}”重复");
        }
        return result;
    }
}
