using System.CommandLine;
using ShuzhiKaohe.Core.Exports;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary>
/// <c>shuzhi export summary|evaluations|rectification|reports|upward|personnel --campaign ID [--format F] [--out PATH]</c> —
/// the documents the organisation department passes on (issue 8). A format the document does not come in is a usage
/// error (exit 2) naming the formats it does come in.
/// </summary>
internal sealed class ExportVerbs : IVerbGroup
{
    public int Order => 76;
    public string Noun => "export";

    public Command Build(CliApp app)
    {
        var export = new Command("export", "导出文书：汇总表、综合评价意见、整改清单、述职报告、向上级的报告、考核结果运用表（xlsx/docx/csv/json）");
        foreach (var document in ExportCatalogue.All) export.Subcommands.Add(Verb(app, document));
        return export;
    }

    private static Command Verb(CliApp app, ExportDocument document)
    {
        var formats = string.Join("|", document.Formats().Select(f => f.Key()));
        var id = CampaignOptions.Campaign();
        var format = new Option<string?>("--format") { Description = $"格式：{formats}（默认按 --out 的扩展名，否则 {document.Formats()[0].Key()}）", HelpName = "FORMAT" };
        var perPerson = document is ExportDocument.Evaluations or ExportDocument.Reports ? "；docx 给 DIR/ 则每人一个文件" : "";
        var output = new Option<string?>("--out") { Description = $"输出文件，或以 / 结尾的目录（默认当前目录下的标准文件名）{perPerson}", HelpName = "PATH" };
        var cmd = new Command(document.Key(), $"{document.Chinese()}（{document.Article()}），格式 {formats}") { id, format, output };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            ExportFormat? chosen = null;
            if (ctx.Value(format) is { } text)
            {
                // A format that does not exist, or that this document does not come in, is a usage error refused before any work.
                chosen = Enum.GetValues<ExportFormat>().Where(f => f.Key() == text.Trim().TrimStart('.').ToLowerInvariant()).Cast<ExportFormat?>().FirstOrDefault();
                if (chosen is null || !document.Formats().Contains(chosen.Value))
                {
                    ctx.Err.WriteLine($"用法错误：{document.Chinese()}（{document.Key()}）没有“{text}”格式，可用格式：{string.Join("、", document.Formats().Select(f => f.Key()))}");
                    return ExitCodes.Usage;
                }
            }
            var request = new ExportRequest(ctx.Value(id), document, chosen, ctx.Value(output) ?? "./");
            var result = ctx.Get<ExportService>().Export(request);
            ctx.Warn(result.Warnings);
            var r = result.Value;
            return ctx.Emit(new
            {
                campaign = r.CampaignId, document = r.Document.Key(), format = r.Format.Key(), files = r.Files, rows = r.Rows, approved = r.Approved, stage = r.Stage,
            }, o =>
            {
                o.WriteLine($"{r.Document.Chinese()}（{r.Format.Key()}，{r.Rows} 行{(r.Approved ? "" : "，未审定")}）：");
                foreach (var f in r.Files.Take(20)) o.WriteLine($"  {f}");
                if (r.Files.Count > 20) o.WriteLine($"  …共 {r.Files.Count} 个文件");
            });
        }));
        return cmd;
    }
}
