using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Exports;

namespace ShuzhiKaohe.Tui.Exports;

/// <summary>A campaign the operator may export, as the list shows it.</summary>
public sealed record ExportCampaignChoice(long Id, string OrganiserName, int Year, string Text);

/// <summary>What an export from the console came to: a heading and the lines to list (the files, the warnings, or the refusal).</summary>
public sealed record ExportOutcome(bool Written, string Heading, IReadOnlyList<string> Lines);

/// <summary>
/// The console's export (<c>shuzhi export …</c> from the console): the campaigns the operator may see, the documents
/// and their formats, a default output path, and the run through Core's <see cref="ExportService"/>, whose refusal
/// becomes an outcome to show. No terminal needed; <see cref="Run"/> blocks, so the view calls it off the UI thread.
/// </summary>
public sealed class ExportViewModel(ExportService exports, CampaignService campaigns)
{
    public static IReadOnlyList<ExportDocument> Documents => ExportCatalogue.All;

    public static string DocumentText(ExportDocument d) => $"{d.Chinese().Split('（')[0]}（{d.Key()}）";

    public static string FormatsText(ExportDocument d) => "可用格式：" + string.Join(" ", d.Formats().Select(f => f.Key())) + $"（留空为 {d.Formats()[0].Key()}）";

    /// <summary>The campaigns the operator may read, newest year first.</summary>
    public IReadOnlyList<ExportCampaignChoice> Campaigns() =>
        campaigns.List().OrderByDescending(c => c.Year).ThenBy(c => c.Id)
            .Select(c => new ExportCampaignChoice(c.Id, c.OrganiserName, c.Year, $"{c.Id,4}  {c.OrganiserName} {c.Year} 年度（{c.Stage.Chinese()}）"))
            .ToList();

    /// <summary>The standard file name in the current folder; a folder (ending in /) for one file per person.</summary>
    public static string DefaultPath(ExportCampaignChoice campaign, ExportDocument document, string format)
    {
        var f = Format(document, format) ?? document.Formats()[0];
        return Path.Combine(Environment.CurrentDirectory, ExportCatalogue.DefaultFileName(document, f, campaign.OrganiserName, campaign.Year));
    }

    public ExportOutcome Run(ExportCampaignChoice? campaign, ExportDocument document, string format, string path)
    {
        if (campaign is null) throw new InvalidInputException("请先选择考核（没有可导出的考核时先在 campaign create 中建立）");
        var chosen = Format(document, format);
        if (!string.IsNullOrWhiteSpace(format) && chosen is null)
            return new ExportOutcome(false, $"✗ {document.Chinese()}没有“{format.Trim()}”格式", [FormatsText(document)]);
        if (string.IsNullOrWhiteSpace(path)) throw new InvalidInputException("请填写输出路径（文件，或以 / 结尾的目录）");
        var full = path.Trim().StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Trim()[2..])
            : path.Trim();
        var result = exports.Export(new ExportRequest(campaign.Id, document, chosen, full));
        var r = result.Value;
        var lines = r.Files.Select(f => "  " + f).ToList();
        lines.AddRange(result.Warnings.Select(w => "警告：" + w));
        return new ExportOutcome(true, $"✓ 已导出{document.Chinese()}（{r.Format.Key()}，{r.Rows} 行，{r.Files.Count} 个文件{(r.Approved ? "" : "，未审定")}）", lines);
    }

    /// <summary>The format typed, if the document comes in it; null when empty or not offered.</summary>
    private static ExportFormat? Format(ExportDocument document, string text) =>
        document.Formats().Where(f => f.Key() == text.Trim().TrimStart('.').ToLowerInvariant()).Cast<ExportFormat?>().FirstOrDefault();
}
