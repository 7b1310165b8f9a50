using System.Globalization;
using ShuzhiKaohe.Core.Bundles;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Tui.Bundles;

/// <summary>A campaign whose signed bundle the operator may send upward, as the list shows it.</summary>
public sealed record BundleCampaignChoice(long Id, string OrganiserName, int Year, string Text);

/// <summary>What an export or import of a bundle came to: a heading and the lines to list.</summary>
public sealed record BundleOutcome(string Heading, IReadOnlyList<string> Lines);

/// <summary>
/// The console's side of the signed bundle (第八条, docs/bundles.md): `campaign export-bundle` for a campaign of this
/// level, `campaign import-bundle` of a lower level's file, and the bundles received — all through Core's
/// <see cref="BundleService"/>, whose refusals (unsigned, altered, untrusted key …) reach the screen as errors.
/// </summary>
public sealed class BundleViewModel(BundleService bundles, CampaignService campaigns)
{
    public IReadOnlyList<BundleCampaignChoice> Campaigns() =>
        campaigns.List().OrderByDescending(c => c.Year).ThenBy(c => c.Id)
            .Select(c => new BundleCampaignChoice(c.Id, c.OrganiserName, c.Year, $"{c.Id,4}  {c.OrganiserName} {c.Year} 年度（{c.Stage.Chinese()}）"))
            .ToList();

    /// <summary>The standard file name in the current folder.</summary>
    public static string DefaultPath(BundleCampaignChoice c) =>
        Path.Combine(Environment.CurrentDirectory, $"{c.OrganiserName}-{c.Year}-述职评议考核.bundle");

    public BundleOutcome Export(BundleCampaignChoice campaign, string path)
    {
        var r = bundles.Export(campaign.Id, Expand(path));
        var e = r.Value;
        return new BundleOutcome($"✓ 已导出签名材料包（{e.Bytes.ToString("N0", CultureInfo.InvariantCulture)} 字节）",
            [$"  {e.Path}", $"  签名公钥指纹 {e.KeyFingerprint}", $"  内容 SHA-256 {e.PayloadSha256}", .. r.Warnings.Select(w => "警告：" + w)]);
    }

    public BundleOutcome Import(string path)
    {
        var r = bundles.Import(Expand(path));
        var b = r.Value;
        return new BundleOutcome($"✓ 已接收 {b.SenderName} {b.Year} 年度的材料包（编号 {b.Id}）",
            [$"  签名公钥指纹 {b.KeyFingerprint}", .. r.Warnings.Select(w => "警告：" + w)]);
    }

    /// <summary>The bundles received at this level, newest first.</summary>
    public IReadOnlyList<string> Received() =>
        bundles.Received().OrderByDescending(b => b.Id)
            .Select(b => $"{b.Id,4}  {b.SenderCode} {b.SenderName}  {b.Year} 年度（{b.Stage}）  接收于 {b.ImportedAt[..Math.Min(16, b.ImportedAt.Length)]}  {b.ImportedBy}")
            .ToList();

    private static string Expand(string path)
    {
        var p = path.Trim();
        if (p.Length == 0) throw new Core.Common.InvalidInputException("请填写文件路径");
        return p.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), p[2..]) : p;
    }
}
