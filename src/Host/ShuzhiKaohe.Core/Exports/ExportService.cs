using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Reporting;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Exports;

/// <summary>
/// An export to make. <see cref="Format"/> null: from the extension of <see cref="OutPath"/>, else the document's first
/// format. <see cref="OutPath"/> ending in '/' (or an existing folder): evaluations and reports as docx give one file per
/// person there; other documents get their default file name in it.
/// </summary>
public sealed record ExportRequest(long CampaignId, ExportDocument Document, ExportFormat? Format, string OutPath);

/// <summary>What was written.</summary>
public sealed record ExportResult(long CampaignId, ExportDocument Document, ExportFormat Format, IReadOnlyList<string> Files, int Rows, bool Approved, string Stage);

/// <summary>
/// The documents the organisation department passes on (issue 8), built from the same data at any stage: what is not
/// decided yet is written as "未审定" (第六条) and the like, with a warning, never a failure. Needs 导出结果
/// (<see cref="Permission.ReportExport"/>) on the campaign's organiser. Files are written beside their final name and
/// moved into place, so an export that fails leaves nothing half-written.
/// </summary>
public sealed class ExportService(Database database, CampaignService campaigns, ReportingService reporting, DeadlineSettings deadlines)
{
    public Warned<ExportResult> Export(ExportRequest request, DateOnly? today = null)
    {
        var format = ResolveFormat(request);
        if (ExportCatalogue.Refusal(request.Document, format) is { } refusal) throw new InvalidInputException(refusal);
        if (string.IsNullOrWhiteSpace(request.OutPath)) throw new InvalidInputException("须写明输出路径（--out FILE 或 --out DIR/）");
        campaigns.Require(request.CampaignId, Permission.ReportExport);

        var snapshot = Snapshot(request.CampaignId, today);
        var upward = request.Document == ExportDocument.Upward ? reporting.Summary(request.CampaignId) : null;
        var content = ExportTables.For(request.Document, snapshot, upward);
        var warnings = Warnings(request.Document, snapshot);

        var toFolder = request.OutPath.EndsWith('/') || request.OutPath.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(request.OutPath);
        var files = new List<(string Final, Action<string> Write)>();
        if (toFolder && format == ExportFormat.Docx && request.Document is ExportDocument.Evaluations or ExportDocument.Reports)
        {
            foreach (var a in snapshot.Assessees)
            {
                var name = $"{ExportCatalogue.Safe(a.OrgCode)}-{ExportCatalogue.Safe(a.OrgName)}-{request.Document.Chinese().Split('（')[0]}.docx";
                files.Add((Path.Combine(request.OutPath, name), path => WriteDocx(path, request.Document, snapshot, content, [a])));
            }
        }
        else
        {
            var path = toFolder
                ? Path.Combine(request.OutPath, ExportCatalogue.DefaultFileName(request.Document, format, snapshot.OrganiserName, snapshot.Year))
                : request.OutPath;
            var ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
            if (Enum.GetValues<ExportFormat>().Any(f => f.Key() == ext) && ext != format.Key())
                throw new InvalidInputException($"输出文件 {path} 的扩展名 .{ext} 与格式 {format.Key()} 不符");
            files.Add((path, p => Write(p, request.Document, format, snapshot, content)));
        }
        var written = WriteAll(files);
        return new Warned<ExportResult>(new ExportResult(request.CampaignId, request.Document, format, written, content.Tables[0].Rows.Count,
            snapshot.Approved, snapshot.Campaign.Stage.Key()), warnings);
    }

    /// <summary>The campaign as the documents see it (also what the console previews).</summary>
    public CampaignSnapshot Snapshot(long campaignId, DateOnly? today = null)
    {
        campaigns.Require(campaignId, Permission.ReportExport);
        using var c = database.Open();
        return ExportStore.Read(c, CampaignService.Read(c, null, campaignId), deadlines.Thresholds, today ?? DateOnly.FromDateTime(DateTime.Today));
    }

    public static ExportFormat ResolveFormat(ExportRequest request)
    {
        if (request.Format is { } f) return f;
        var ext = Path.GetExtension(request.OutPath ?? "").TrimStart('.').ToLowerInvariant();
        return Enum.GetValues<ExportFormat>().FirstOrDefault(x => x.Key() == ext, request.Document.Formats()[0]);
    }

    private static void Write(string path, ExportDocument document, ExportFormat format, CampaignSnapshot s, ExportContent content)
    {
        switch (format)
        {
            case ExportFormat.Xlsx: XlsxWriter.Write(path, content); break;
            case ExportFormat.Csv: TextFormats.Csv(path, content.Tables[0]); break;
            case ExportFormat.Json: TextFormats.Json(path, document, s, content); break;
            default: WriteDocx(path, document, s, content, s.Assessees); break;
        }
    }

    private static void WriteDocx(string path, ExportDocument document, CampaignSnapshot s, ExportContent content, IReadOnlyList<AssesseeSnapshot> who)
    {
        switch (document)
        {
            case ExportDocument.Evaluations: WordDocuments.Evaluations(path, s, who); break;
            case ExportDocument.Reports: WordDocuments.Reports(path, s, who); break;
            case ExportDocument.Rectification: WordDocuments.Rectification(path, s, content); break;
            case ExportDocument.Upward: WordDocuments.Upward(path, s, content); break;
            default: throw new InvalidOperationException($"{document.Key()} has no docx");
        }
    }

    /// <summary>Writes every file under a temporary name first, then moves them all into place: nothing half-written.</summary>
    private static List<string> WriteAll(IReadOnlyList<(string Final, Action<string> Write)> files)
    {
        var temps = new List<(string Temp, string Final)>();
        try
        {
            foreach (var (final, write) in files)
            {
                var full = Path.GetFullPath(final);
                var dir = Path.GetDirectoryName(full)!;
                Directory.CreateDirectory(dir);
                var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
                temps.Add((temp, full));
                write(temp);
            }
            foreach (var (temp, final) in temps) File.Move(temp, final, overwrite: true);
            return temps.Select(t => t.Final).ToList();
        }
        finally
        {
            foreach (var (temp, _) in temps)
                if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static List<string> Warnings(ExportDocument document, CampaignSnapshot s)
    {
        var warnings = new List<string>();
        if (!s.Approved && document is not ExportDocument.Reports)
            warnings.Add($"第六条：考核 {s.Campaign.Id}（{s.OrganiserName} {s.Year} 年度）的等次尚未经党委（党组）研究批准，文书中的等次标为“{ExportWords.NotApproved}”");
        if (document == ExportDocument.Reports)
        {
            if (s.Campaign.Stage < CampaignStage.Evaluation)
                warnings.Add($"第五条：述职报告在述职评议会后公开；考核 {s.Campaign.Id} 处于“{s.Campaign.Stage.Chinese()}”阶段");
            var missing = s.Assessees.Count(a => a.Debriefing?.Report is null);
            if (missing > 0) warnings.Add($"{missing} 人尚未录入述职报告");
        }
        if (s.Assessees.Count == 0) warnings.Add($"考核 {s.Campaign.Id} 的名单为空");
        return warnings;
    }
}
