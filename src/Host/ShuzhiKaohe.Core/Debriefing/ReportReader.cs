using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Debriefing;

/// <summary>
/// Reads a debriefing report from a .txt, .md or .docx file into its four parts (第五条). A part starts at a heading
/// line naming it — "一、工作成效", "## 存在的突出问题", "（三）问题产生的根源", "**下一步措施**" — and runs to the next.
/// Prose is repaired like any imported text (damaged punctuation runs, line ends, GB18030).
/// </summary>
public static partial class ReportReader
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static ReportParts ReadFile(string path)
    {
        if (!File.Exists(path)) throw new NotFoundException($"述职报告文件不存在：{path}");
        var info = new FileInfo(path);
        if (info.Length > MaxBytes) throw new InvalidInputException($"述职报告文件过大（{info.Length:N0} 字节，上限 {MaxBytes:N0}）：{path}");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var text = ext switch
        {
            ".txt" or ".md" or ".markdown" => ImportedText.Decode(File.ReadAllBytes(path)),
            ".docx" => DocxText(path),
            _ => throw new InvalidInputException($"不支持的述职报告格式“{ext}”：请用 .txt、.md 或 .docx（{path}）"),
        };
        return Parse(text, path);
    }

    /// <summary>Splits repaired text into the four parts; refuses text in which no part's heading is found.</summary>
    public static ReportParts Parse(string text, string source = "输入")
    {
        var repaired = ImportedText.RepairProse(text);
        var parts = new Dictionary<int, StringBuilder>();
        int? current = null;
        foreach (var raw in repaired.Split('\n'))
        {
            var line = raw.Trim();
            if (HeadingKind(line) is { } kind)
            {
                current = kind;
                parts.TryAdd(kind, new StringBuilder());
                continue;
            }
            if (current is { } k && line.Length > 0) parts[k].AppendLine(line);
        }
        if (parts.Count == 0)
            throw new InvalidInputException(
                $"{source}：未找到述职报告四部分（工作成效、突出问题、产生根源、改进措施）的标题（第五条）：请以“一、工作成效”“二、突出问题”“三、问题根源”“四、改进措施”等标题分段");
        string? Part(int i) => parts.TryGetValue(i, out var sb) && sb.Length > 0 ? sb.ToString().Trim() : null;
        return new ReportParts(Part(0), Part(1), Part(2), Part(3)) { FullText = repaired };
    }

    /// <summary>0 成效, 1 突出问题, 2 根源, 3 措施 — or null when the line is not a part's heading.</summary>
    internal static int? HeadingKind(string line)
    {
        if (line.Length == 0 || line.Length > 40) return null;
        var m = HeadingShape().Match(line);
        var marked = m.Groups["mark"].Success || m.Groups["num"].Success || line.EndsWith('：') || line.EndsWith(':');
        var title = m.Groups["title"].Value.Trim().TrimEnd('：', ':', '*').Trim();
        if (title.Length == 0 || title.Length > 24 || title.IndexOfAny(['。', '；', ';']) >= 0) return null;
        // An unnumbered line is a heading only when short and ending in a part's noun ("工作成效", "存在问题"), so that
        // a short sentence such as "服务不足" stays prose.
        if (!marked && (title.Length > 10 || title.Contains('，') || !PlainHeadingEnd().IsMatch(title))) return null;
        // Order matters: "解决问题的措施" is measures, "问题产生的根源" is causes.
        if (Measures().IsMatch(title)) return 3;
        if (Causes().IsMatch(title)) return 2;
        if (Problems().IsMatch(title)) return 1;
        if (Achievements().IsMatch(title)) return 0;
        return null;
    }

    private static string DocxText(string path)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(path, false);
            var body = doc.MainDocumentPart?.Document?.Body
                       ?? throw new InvalidInputException($"{path}：DOCX 文件没有正文");
            return string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        }
        // A damaged or truncated package throws any of these (issue 10: a clear refusal naming the file, never a crash).
        catch (Exception e) when (e is InvalidDataException or IOException or OpenXmlPackageException or System.Xml.XmlException
                                      or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or NotSupportedException)
        {
            throw new InvalidInputException($"{path}：不是可读的 DOCX 文件（{e.Message}）", e);
        }
    }

    [GeneratedRegex(@"^(?<mark>[#>*\s]+)?(?<num>[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）])?\s*(?<title>.*)$")]
    private static partial Regex HeadingShape();

    [GeneratedRegex("(成效|成绩|情况|问题|根源|原因|分析|措施|打算|举措|思路)$")]
    private static partial Regex PlainHeadingEnd();

    [GeneratedRegex("措施|打算|下一步|下步|举措|思路|努力方向")]
    private static partial Regex Measures();

    [GeneratedRegex("根源|原因|根子")]
    private static partial Regex Causes();

    [GeneratedRegex("问题|不足|差距|短板")]
    private static partial Regex Problems();

    [GeneratedRegex("成效|成绩|主要工作|工作情况|履职情况|做法|成果")]
    private static partial Regex Achievements();
}
