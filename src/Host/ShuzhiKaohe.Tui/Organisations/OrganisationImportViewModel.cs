using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Text.Import;

namespace ShuzhiKaohe.Tui.Organisations;

/// <summary>What an import from the console came to: a heading and the lines to list (the summary, or the rejected rows).</summary>
public sealed record ImportOutcome(bool Accepted, string Heading, IReadOnlyList<string> Lines);

/// <summary>
/// The console's organisation import (<c>shuzhi org import</c> from the console): checks the form, runs Core's
/// importer — all or nothing, Core's job — and turns its result or its refusal into lines to show. Testable without a
/// terminal; <see cref="Run"/> blocks, so the view calls it off the UI thread.
/// </summary>
public sealed class OrganisationImportViewModel(OrganisationImporter importer, Authorizer authorizer, SectorRegistry sectors)
{
    /// <summary>The sector keys a file may be imported as, for the form's hint.</summary>
    public string SectorHint =>
        "可选板块：" + string.Join("、", sectors.Keys.Order(StringComparer.Ordinal));

    /// <summary>
    /// Imports the file(s) in <paramref name="paths"/> (several separated by ';', in one transaction, as
    /// <c>org import A B</c>). A refusal of the whole import comes back as an outcome listing each rejected row with
    /// its line number; a bad form or a missing file throws <see cref="InvalidInputException"/>.
    /// </summary>
    public ImportOutcome Run(string paths, string? sector, bool dryRun, IProgress<ImportProgress>? progress = null)
    {
        var files = Check(paths);
        authorizer.Require(Permission.BulkImport);
        var options = new OrganisationImportOptions(Sector: string.IsNullOrWhiteSpace(sector) ? null : sector.Trim(), DryRun: dryRun);
        try
        {
            return Summary(importer.Import(files, options, progress));
        }
        catch (ImportRejectedException e)
        {
            var heading = e.Total > e.Issues.Count
                ? $"导入被拒绝，数据库未改动：共 {e.Total:N0} 处错误，以下是前 {e.Issues.Count} 处"
                : $"导入被拒绝，数据库未改动：共 {e.Total:N0} 处错误";
            return new ImportOutcome(false, heading, e.Issues.Select(i => $"第 {i.Line} 行  {i.Reason}（{i.File}）").ToList());
        }
    }

    /// <summary>The files' full paths; refuses an empty field or a file that is not there, before anything runs.</summary>
    public static IReadOnlyList<string> Check(string paths)
    {
        var files = paths.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Full).ToList();
        if (files.Count == 0) throw new InvalidInputException("请填写要导入的文件路径（多个文件用 ; 分隔）");
        return files;
    }

    private static string Full(string path)
    {
        if (path.StartsWith("~/", StringComparison.Ordinal))
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new InvalidInputException($"找不到文件：{full}");
        return full;
    }

    private static ImportOutcome Summary(OrganisationImportResult r)
    {
        var lines = new List<string>();
        foreach (var f in r.Files)
            lines.Add($"{Path.GetFileName(f.Path)}：{f.Format}{(f.Compressed ? "（gzip）" : "")}，{f.Encoding}，{f.Rows:N0} 行");
        lines.Add($"新增 {r.Inserted:N0}，更新 {r.Updated:N0}，未变 {r.Unchanged:N0}，恢复 {r.Reactivated:N0}，撤销 {r.Dissolved:N0}");
        lines.Add($"各层级：{string.Join("，", r.RowsPerLevel.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} 级 {kv.Value:N0}"))}");
        lines.Add($"统计分组 {r.Groupings:N0}；修复文本字段 {r.RepairedFields:N0} 个；用时 {r.Seconds:F2} 秒");
        var heading = r.DryRun ? $"校验通过（只校验，未写入）：{r.Rows:N0} 行" : $"已导入 {r.Rows:N0} 行";
        return new ImportOutcome(true, heading, lines);
    }
}
