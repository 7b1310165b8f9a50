namespace ShuzhiKaohe.Core.Focus;

/// <summary>Where a campaign's focus item comes from (JSON: standard | sector | annual | mandatory).</summary>
public enum CampaignFocusSource { Standard, Sector, Annual, Mandatory }

/// <summary>A focus item (重点内容, 第四条) of a campaign, for an assessee's level or for the whole roster.</summary>
public sealed record CampaignFocusItem(string Code, string Title, decimal Weight, CampaignFocusSource Source, string? Indicator, string? Rubric);

public static class CampaignFocusSources
{
    public static string Key(this CampaignFocusSource s) => s switch
    {
        CampaignFocusSource.Standard => "standard",
        CampaignFocusSource.Sector => "sector",
        CampaignFocusSource.Annual => "annual",
        _ => "mandatory",
    };

    internal static CampaignFocusSource From(FocusSource s) => s switch
    {
        FocusSource.Standard => CampaignFocusSource.Standard,
        FocusSource.Sector => CampaignFocusSource.Sector,
        _ => CampaignFocusSource.Mandatory,
    };
}
