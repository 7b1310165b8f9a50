using System.CommandLine;
using ShuzhiKaohe.Core.Bundles;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi key create|export|trust|list</c> — the keys that sign the bundles reported upward (第八条). See docs/bundles.md.</summary>
internal sealed class KeyVerbs : IVerbGroup
{
    public int Order => 76;
    public string Noun => "key";

    public Command Build(CliApp app)
    {
        var key = new Command("key", "数据包签名密钥：本单位的签名密钥，以及上一级登记的下级公钥（第八条向上一级党组织报告）");

        var corg = CampaignOptions.Org("本单位（发送数据包的党组织）代码");
        var replace = new Option<bool>("--replace") { Description = "更换密钥：旧密钥停用，新公钥须重新交上一级登记" };
        var create = new Command("create", "创建本单位的签名密钥（ECDSA P-256；私钥只存于本数据库）") { corg, replace };
        create.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<SigningKeyService>().Create(ctx.Value(corg)!, ctx.Value(replace));
            ctx.Warn(r.Warnings);
            return ctx.Emit(Json(r.Value), o =>
            {
                o.WriteLine($"已为 {r.Value.OrgCode} 创建签名密钥，指纹 {r.Value.Fingerprint}");
                o.WriteLine($"下一步：shuzhi key export --org {r.Value.OrgCode} --out 公钥.pem，交上一级党组织登记，并另行告知指纹");
            });
        }));
        key.Subcommands.Add(create);

        var eorg = CampaignOptions.Org("本单位代码");
        var output = new Option<string?>("--out") { Description = "写入文件（不给则打印）", HelpName = "FILE" };
        var export = new Command("export", "导出本单位签名公钥（PEM 文本，附指纹），交上一级党组织登记") { eorg, output };
        export.SetAction(pr => app.Run(pr, ctx =>
        {
            var k = ctx.Get<SigningKeyService>().Export(ctx.Value(eorg)!);
            var file = ctx.Value(output);
            if (file is not null)
            {
                try { File.WriteAllText(file, k.Text); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new InvalidInputException($"无法写出公钥文件 {file}：{e.Message}");
                }
            }
            return ctx.Emit(new { org = k.OrgCode, name = k.OrgName, fingerprint = k.Fingerprint, file = file is null ? null : Path.GetFullPath(file), pem = k.Text },
                o => o.Write(file is null ? k.Text : $"已写出 {k.OrgCode} 的签名公钥到 {Path.GetFullPath(file)}，指纹 {k.Fingerprint}\n"));
        }));
        key.Subcommands.Add(export);

        var torg = CampaignOptions.Org("下级党组织代码（公钥的主人）");
        var keyFile = new Argument<string>("FILE") { Description = "下级用 key export 导出的公钥文件" };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "下级另行告知的指纹；给出时不符即拒绝", HelpName = "SHA256:…" };
        var trust = new Command("trust", "在本级登记下级党组织的签名公钥（一次），此后才接收其数据包") { torg, keyFile, fingerprint };
        trust.SetAction(pr => app.Run(pr, ctx =>
        {
            var path = ctx.Value(keyFile)!;
            if (!File.Exists(path)) throw new NotFoundException($"文件不存在：{Path.GetFullPath(path)}");
            var r = ctx.Get<SigningKeyService>().Trust(ctx.Value(torg)!, File.ReadAllText(path), Path.GetFileName(path), ctx.Value(fingerprint));
            ctx.Warn(r.Warnings);
            if (ctx.Value(fingerprint) is null) ctx.Warn($"未用 --fingerprint 核对：请向 {r.Value.OrgCode} 另行核实指纹 {r.Value.Fingerprint}");
            return ctx.Emit(Json(r.Value), o => o.WriteLine($"已登记 {r.Value.OrgCode} 的签名公钥，指纹 {r.Value.Fingerprint}"));
        }));
        key.Subcommands.Add(trust);

        var list = new Command("list", "列出本单位的签名密钥（不含私钥）和已登记的下级公钥");
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var (own, trusted) = ctx.Get<SigningKeyService>().List();
            return ctx.Emit(new { own = own.Select(Json).ToList(), trusted = trusted.Select(Json).ToList() }, o =>
            {
                foreach (var k in own) o.WriteLine($"本单位 {k.OrgCode} {k.Fingerprint} {(k.RetiredAt is null ? "使用中" : $"已停用 {k.RetiredAt}")}");
                foreach (var k in trusted) o.WriteLine($"已登记 {k.OrgCode} {k.Fingerprint}（{k.TrustedBy}，{k.TrustedAt}）");
                if (own.Count + trusted.Count == 0) o.WriteLine("没有密钥。");
            });
        }));
        key.Subcommands.Add(list);
        return key;
    }

    private static object Json(SigningKeyInfo k) => new
    {
        id = k.Id, org = k.OrgCode, fingerprint = k.Fingerprint, created_by = k.CreatedBy, created_at = k.CreatedAt, retired_at = k.RetiredAt,
    };

    private static object Json(TrustedKey k) => new { id = k.Id, org = k.OrgCode, fingerprint = k.Fingerprint, trusted_by = k.TrustedBy, trusted_at = k.TrustedAt };
}
