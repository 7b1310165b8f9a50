namespace ShuzhiKaohe.Core.Debriefing;

/// <summary>第五条: "一般以党委常委会扩大会议或党委（党组）扩大会议的形式，听取下一级党组织书记述职".</summary>
public enum MeetingForm { StandingCommitteeEnlarged, CommitteeEnlarged, Other }

/// <summary>Invited attendees by category (第五条 党代表、人大代表、政协委员、基层党员干部群众代表; 第八条 上级组织部门派员).</summary>
public enum AttendeeCategory { PartyDelegate, NpcDeputy, CppccMember, Grassroots, OrgDepartment }

/// <summary>The debriefing session's record: its form, date and invited attendees (counts, never names).</summary>
public sealed record SessionMeeting(
    long CampaignId,
    MeetingForm FormKey,
    string Form,
    DateOnly HeldOn,
    IReadOnlyDictionary<AttendeeCategory, int> Attendees,
    string RecordedBy,
    string RecordedAt,
    long RowVersion);

public static class AttendeeCategories
{
    public static readonly IReadOnlyList<AttendeeCategory> All =
        [AttendeeCategory.PartyDelegate, AttendeeCategory.NpcDeputy, AttendeeCategory.CppccMember, AttendeeCategory.Grassroots, AttendeeCategory.OrgDepartment];

    public static string Key(this AttendeeCategory c) => c switch
    {
        AttendeeCategory.PartyDelegate => "party_delegate",
        AttendeeCategory.NpcDeputy => "npc_deputy",
        AttendeeCategory.CppccMember => "cppcc_member",
        AttendeeCategory.Grassroots => "grassroots",
        AttendeeCategory.OrgDepartment => "org_department",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };

    public static string Chinese(this AttendeeCategory c) => c switch
    {
        AttendeeCategory.PartyDelegate => "党代表",
        AttendeeCategory.NpcDeputy => "人大代表",
        AttendeeCategory.CppccMember => "政协委员",
        AttendeeCategory.Grassroots => "基层党员干部群众代表",
        AttendeeCategory.OrgDepartment => "上级组织部门派员",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };

    /// <summary>Reads the English key or the Chinese name (a few common short forms too).</summary>
    public static bool TryParse(string text, out AttendeeCategory category)
    {
        var t = text.Trim();
        foreach (var c in All)
            if (string.Equals(t, c.Key(), StringComparison.OrdinalIgnoreCase) || t == c.Chinese())
            {
                category = c;
                return true;
            }
        (bool ok, AttendeeCategory cat) = t switch
        {
            "基层代表" or "群众代表" or "基层党员干部群众" => (true, AttendeeCategory.Grassroots),
            "组织部" or "组织部门" or "上级组织部门" or "higher" => (true, AttendeeCategory.OrgDepartment),
            _ => (false, default),
        };
        category = cat;
        return ok;
    }

    public static string FormKey(this MeetingForm f) => f switch
    {
        MeetingForm.StandingCommitteeEnlarged => "standing_committee_enlarged",
        MeetingForm.CommitteeEnlarged => "committee_enlarged",
        _ => "other",
    };

    public static MeetingForm ParseFormKey(string key) => key switch
    {
        "standing_committee_enlarged" => MeetingForm.StandingCommitteeEnlarged,
        "committee_enlarged" => MeetingForm.CommitteeEnlarged,
        _ => MeetingForm.Other,
    };

    /// <summary>Classifies a typed form: 常委会扩大会议, 党委（党组）扩大会议, or another form (warned, 第五条 "一般").</summary>
    public static MeetingForm ClassifyForm(string form)
    {
        var f = form.Replace(" ", "").Replace('(', '（').Replace(')', '）');
        if (f.Contains("常委会") && f.Contains("扩大")) return MeetingForm.StandingCommitteeEnlarged;
        if (f.Contains("扩大会议") && (f.Contains("党委") || f.Contains("党组") || f.Contains("党工委"))) return MeetingForm.CommitteeEnlarged;
        return MeetingForm.Other;
    }
}
