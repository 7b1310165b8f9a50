using System.CommandLine;
using System.Text.Json;
using ShuzhiKaohe.Core.Bundles;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary>
/// <c>campaign export-bundle|import-bundle|received</c> — the signed bundle a level reports to the level above
/// (第八条), and the bundles received from below. Format and key workflow: docs/bundles.md.
/// </summary>
internal static class BundleVerbs
{
    public static IEnumerable<Command> All(CliApp app) => [Export(app), Import(app), Received(app)];

    private static Command Export(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var output = new Option<string>("--out") { Description = "数据包文件", Required = true, HelpName = "FILE" };
        var cmd = new Command("export-bundle", "导出向上一级党组织报告的数据包：名单、等次、计票（含哈希）、点评、评价、整改清单，用本单位密钥签名（第八条）") { id, output };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<BundleService>().Export(ctx.Value(id), ctx.Value(output)!);
            ctx.Warn(r.Warnings);
            var e = r.Value;
            return ctx.Emit(new { campaign = e.CampaignId, organiser = e.OrganiserCode, file = e.Path, key_fingerprint = e.KeyFingerprint, payload_sha256 = e.PayloadSha256, bytes = e.Bytes },
                o => o.WriteLine($"已导出考核 {e.CampaignId} 的数据包到 {e.Path}（{e.Bytes} 字节，签名公钥 {e.KeyFingerprint}）"));
        }));
        return cmd;
    }

    private static Command Import(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "下级导出的数据包" };
        var cmd = new Command("import-bundle", "导入下级报告的数据包：验证签名（须为本库登记的该单位公钥）后按原样只读保存（第八条）") { file };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<BundleService>().Import(ctx.Value(file)!);
            ctx.Warn(r.Warnings);
            return ctx.Emit(Json(r.Value), o => o.WriteLine(
                $"已导入 {r.Value.SenderCode} {r.Value.SenderName} {r.Value.Year} 年度考核的数据包，编号 {r.Value.Id}（签名公钥 {r.Value.KeyFingerprint}）"));
        }));
        return cmd;
    }

    private static Command Received(CliApp app)
    {
        var received = new Command("received", "收到的下级数据包（只读）");

        var org = new Option<string?>("--org") { Description = "发送单位代码", HelpName = "CODE" };
        var year = new Option<int?>("--year") { Description = "考核年度", HelpName = "YYYY" };
        var list = new Command("list", "列出收到的数据包") { org, year };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var all = ctx.Get<BundleService>().Received(ctx.Value(org), ctx.Value(year));
            return ctx.Emit(all.Select(Json).ToList(), o =>
            {
                foreach (var b in all)
                    o.WriteLine($"[{b.Id}] {b.SenderCode} {b.SenderName} {b.Year} 年度（考核 {b.CampaignRef}，{b.Stage}）导出 {b.ExportedAt}，导入 {b.ImportedAt}");
                if (all.Count == 0) o.WriteLine("没有收到的数据包。");
            });
        }));
        received.Subcommands.Add(list);

        var id = new Option<long>("--id") { Description = "收到的数据包编号（见 campaign received list）", Required = true, HelpName = "ID" };
        var show = new Command("show", "查看收到的数据包（重新验证签名）") { id };
        show.SetAction(pr => app.Run(pr, ctx =>
        {
            var v = ctx.Get<BundleService>().Show(ctx.Value(id));
            using var payload = JsonDocument.Parse(v.PayloadText);
            var b = v.Bundle;
            var p = v.Payload;
            return ctx.Emit(new
            {
                id = b.Id, sender = b.SenderCode, sender_name = b.SenderName, campaign_ref = b.CampaignRef, year = b.Year, stage = b.Stage,
                exported_at = b.ExportedAt, key_fingerprint = b.KeyFingerprint, payload_sha256 = b.PayloadSha256, imported_by = b.ImportedBy,
                imported_at = b.ImportedAt, payload = payload.RootElement.Clone(),
            }, o =>
            {
                o.WriteLine($"{p.Sender.Code} {p.Sender.Name} {p.Campaign.Year} 年度述职评议考核（{p.Campaign.Stage}），签名公钥 {b.KeyFingerprint}，签名有效");
                if (p.Campaign.ApprovedAt is not null) o.WriteLine($"批准：{p.Campaign.ApprovedAt} {p.Campaign.Meeting}");
                foreach (var a in p.Roster) o.WriteLine($"  {a.Code} {a.Name} {a.Secretary}：{a.Grade ?? "未定等次"}（{a.GradeStatus ?? "-"}）");
                o.WriteLine($"计票：{p.Tally.Sheets} 张（作废 {p.Tally.Void}），哈希 {p.Tally.Hash}");
                o.WriteLine($"点评 {p.Comments.Count} 条，述职 {p.Reports.Count} 份，改定 {p.Revisions.Count} 次，整改事项 {p.Rectification.Count} 项");
            });
        }));
        received.Subcommands.Add(show);
        return received;
    }

    private static object Json(ReceivedBundle b) => new
    {
        id = b.Id, sender = b.SenderCode, sender_name = b.SenderName, campaign_ref = b.CampaignRef, year = b.Year, stage = b.Stage,
        exported_at = b.ExportedAt, key_fingerprint = b.KeyFingerprint, payload_sha256 = b.PayloadSha256, imported_by = b.ImportedBy, imported_at = b.ImportedAt,
    };
}
