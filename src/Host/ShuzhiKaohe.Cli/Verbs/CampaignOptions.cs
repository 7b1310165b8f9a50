using System.CommandLine;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary>Options the campaign's verbs share, so each is spelled the same everywhere.</summary>
internal static class CampaignOptions
{
    public static Option<long> Campaign() => new("--campaign") { Description = "考核编号（见 campaign list）", Required = true, HelpName = "ID" };

    public static Option<string> Org(string description = "被考核组织代码") => new("--org") { Description = description, Required = true, HelpName = "CODE" };

    public static DateOnly ParseDate(string text) => Core.Text.Import.DateParsing.Iso(text);
}
