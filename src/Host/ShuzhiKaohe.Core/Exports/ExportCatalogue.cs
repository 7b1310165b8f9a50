using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Exports;

/// <summary>The documents the organisation department passes on (issue 8). CLI names in <see cref="ExportCatalogue.Key"/>.</summary>
public enum ExportDocument { Summary, Evaluations, Rectification, Reports, Upward, Personnel }

/// <summary>File formats; each document comes in some of them (<see cref="ExportCatalogue.Formats"/>).</summary>
public enum ExportFormat { Xlsx, Docx, Csv, Json }

/// <summary>What each document is called and which formats it comes in — the one table the CLI, the console and the docs use.</summary>
public static class ExportCatalogue
{
    public static readonly IReadOnlyList<ExportDocument> All = Enum.GetValues<ExportDocument>();

    public static string Key(this ExportDocument d) => d switch
    {
        ExportDocument.Summary => "summary",
        ExportDocument.Evaluations => "evaluations",
        ExportDocument.Rectification => "rectification",
        ExportDocument.Reports => "reports",
        ExportDocument.Upward => "upward",
        _ => "personnel",
    };

    public static string Chinese(this ExportDocument d) => d switch
    {
        ExportDocument.Summary => "述职评议考核汇总表",
        ExportDocument.Evaluations => "综合评价意见",
        ExportDocument.Rectification => "整改清单",
        ExportDocument.Reports => "述职报告（公开文本）",
        ExportDocument.Upward => "向上级党组织的情况报告",
        _ => "考核结果运用表（送组织人事部门）",
    };

    /// <summary>The article each document serves, for titles and help.</summary>
    public static string Article(this ExportDocument d) => d switch
    {
        ExportDocument.Summary => "第五、六条",
        ExportDocument.Evaluations => "第六条",
        ExportDocument.Rectification => "第七条",
        ExportDocument.Reports => "第五条",
        ExportDocument.Upward => "第八条",
        _ => "第七条",
    };

    /// <summary>The formats a document comes in, the first being its natural one.</summary>
    public static IReadOnlyList<ExportFormat> Formats(this ExportDocument d) => d switch
    {
        ExportDocument.Summary => [ExportFormat.Xlsx, ExportFormat.Csv, ExportFormat.Json],
        ExportDocument.Evaluations => [ExportFormat.Docx, ExportFormat.Csv, ExportFormat.Json],
        ExportDocument.Rectification => [ExportFormat.Xlsx, ExportFormat.Docx, ExportFormat.Csv, ExportFormat.Json],
        ExportDocument.Reports => [ExportFormat.Docx, ExportFormat.Csv, ExportFormat.Json],
        ExportDocument.Upward => [ExportFormat.Docx, ExportFormat.Json],
        _ => [ExportFormat.Xlsx, ExportFormat.Csv, ExportFormat.Json],
    };

    public static string Key(this ExportFormat f) => f switch
    {
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.Docx => "docx",
        ExportFormat.Csv => "csv",
        _ => "json",
    };

    public static ExportDocument ParseDocument(string text) =>
        All.FirstOrDefault(d => d.Key() == text.Trim().ToLowerInvariant() || d.Chinese() == text.Trim(), (ExportDocument)(-1)) is var d && Enum.IsDefined(d)
            ? d
            : throw new InvalidInputException($"未知的文书“{text}”：应为 {string.Join("|", All.Select(x => x.Key()))}");

    public static ExportFormat ParseFormat(string text) =>
        Enum.GetValues<ExportFormat>().FirstOrDefault(f => f.Key() == text.Trim().TrimStart('.').ToLowerInvariant(), (ExportFormat)(-1)) is var f && Enum.IsDefined(f)
            ? f
            : throw new InvalidInputException($"未知的格式“{text}”：应为 xlsx|docx|csv|json");

    /// <summary>Null when <paramref name="format"/> is offered, else the refusal naming the formats that are.</summary>
    public static string? Refusal(ExportDocument document, ExportFormat format) =>
        document.Formats().Contains(format)
            ? null
            : $"{document.Chinese()}（{document.Key()}）没有 {format.Key()} 格式，可用格式：{string.Join("、", document.Formats().Select(x => x.Key()))}";

    /// <summary>The file name an export gets when only a folder is given.</summary>
    public static string DefaultFileName(ExportDocument document, ExportFormat format, string organiserName, int year) =>
        $"{Safe(organiserName)}{year}年度{document.Chinese().Split('（')[0]}.{format.Key()}";

    /// <summary>A file name part without path separators or characters that file systems refuse.</summary>
    public static string Safe(string text)
    {
        var bad = Path.GetInvalidFileNameChars().Concat(['\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        return new string(text.Select(c => bad.Contains(c) ? '_' : c).ToArray()).Trim();
    }
}
