using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Campaigns;

/// <summary>
/// The stages of an annual campaign (第五、六条): plan → on-site inspection → debriefing session → comprehensive
/// evaluation → approved by the committee → closed. JSON and the database use the snake_case English names.
/// </summary>
public enum CampaignStage { Plan, Inspection, Session, Evaluation, Approved, Closed }

public static class CampaignStages
{
    public static readonly IReadOnlyList<CampaignStage> Order =
        [CampaignStage.Plan, CampaignStage.Inspection, CampaignStage.Session, CampaignStage.Evaluation, CampaignStage.Approved, CampaignStage.Closed];

    public static string Key(this CampaignStage s) => s switch
    {
        CampaignStage.Plan => "plan",
        CampaignStage.Inspection => "inspection",
        CampaignStage.Session => "session",
        CampaignStage.Evaluation => "evaluation",
        CampaignStage.Approved => "approved",
        CampaignStage.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static string Chinese(this CampaignStage s) => s switch
    {
        CampaignStage.Plan => "计划",
        CampaignStage.Inspection => "实地考核",
        CampaignStage.Session => "述职评议会",
        CampaignStage.Evaluation => "综合评价",
        CampaignStage.Approved => "党委研究批准",
        CampaignStage.Closed => "已结束",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static CampaignStage Parse(string key)
    {
        foreach (var s in Order)
            if (s.Key() == key) return s;
        throw new InvalidInputException($"未知的考核阶段：{key}");
    }

    /// <summary>The stage after <paramref name="s"/>, or null for the last.</summary>
    public static CampaignStage? Next(this CampaignStage s) => s == CampaignStage.Closed ? null : Order[(int)s + 1];

    /// <summary>Refuses the operation unless the campaign is in one of <paramref name="allowed"/>.</summary>
    public static void Require(this Campaign campaign, string operation, params CampaignStage[] allowed)
    {
        if (allowed.Contains(campaign.Stage)) return;
        throw new InvalidInputException(
            $"考核 {campaign.Id}（{campaign.OrganiserName} {campaign.Year} 年度）处于“{campaign.Stage.Chinese()}”阶段，{operation}只能在“{string.Join("”或“", allowed.Select(a => a.Chinese()))}”阶段进行");
    }
}
