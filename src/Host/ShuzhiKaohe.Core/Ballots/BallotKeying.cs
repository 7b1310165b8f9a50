using System.Globalization;
using System.Text.RegularExpressions;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Ballots;

/// <summary>
/// Where keying stands for a clerk (计票, 第五条): sheets issued and keyed, void sheets, and the serial of the next
/// paper sheet. Needs only <see cref="Permission.BallotEntry"/>: it shows no marks, so a clerk may see it while the
/// session runs (running results need <see cref="Permission.BallotResultsRead"/>, see <see cref="BallotService.Tally"/>).
/// </summary>
public sealed record BallotKeyingStatus(long CampaignId, CampaignStage Stage, int? Issued, int Sheets, int Void, string NextSerial)
{
    /// <summary>"已录入 12 / 发放 40 张（作废 1 张）".</summary>
    public string Turnout => Issued is { } n
        ? $"已录入 {Sheets} / 发放 {n} 张（作废 {Void} 张，参评率 {(n == 0 ? 0 : (double)Sheets / n):P0}）"
        : $"已录入 {Sheets} 张（作废 {Void} 张；未登记发放数）";
}

public sealed partial class BallotKeying(Database database, CampaignService campaigns)
{
    public BallotKeyingStatus Status(long campaignId)
    {
        campaigns.Require(campaignId, Permission.BallotEntry);
        using var c = database.Open();
        var campaign = CampaignService.Read(c, null, campaignId);
        var (issued, _) = BallotStore.Issued(c, null, campaignId);
        var (sheets, voids) = BallotStore.Counts(c, null, campaignId);
        return new BallotKeyingStatus(campaignId, campaign.Stage, issued, sheets, voids, NextSerial(BallotStore.Serials(c, null, campaignId)));
    }

    /// <summary>Whether a sheet with this serial is already keyed (第五条: a sheet cannot be entered twice).</summary>
    public bool IsKeyed(long campaignId, string serial)
    {
        campaigns.Require(campaignId, Permission.BallotEntry);
        using var c = database.Open();
        return BallotStore.Exists(c, null, campaignId, serial.Trim());
    }

    /// <summary>
    /// The serial after the highest numbered one keyed, keeping its prefix and width ("S007" → "S008"); "001" for the
    /// first sheet. A serial already used is never proposed.
    /// </summary>
    public static string NextSerial(IReadOnlyCollection<string> keyed)
    {
        var numbered = keyed.Select(s => Numbered().Match(s)).Where(m => m.Success)
            .Select(m => (Prefix: m.Groups[1].Value, Digits: m.Groups[2].Value, Value: long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .OrderBy(x => x.Value).ThenBy(x => x.Digits.Length).ToList();
        if (numbered.Count == 0) return keyed.Contains("001") ? Unused(keyed, "", 3, 1) : "001";
        var last = numbered[^1];
        return Unused(keyed, last.Prefix, last.Digits.Length, last.Value + 1);
    }

    private static string Unused(IReadOnlyCollection<string> keyed, string prefix, int width, long from)
    {
        var set = keyed as ISet<string> ?? keyed.ToHashSet(StringComparer.Ordinal);
        for (var n = from; ; n++)
        {
            var serial = prefix + n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            if (!set.Contains(serial)) return serial;
        }
    }

    [GeneratedRegex(@"^(.*?)(\d+)$")]
    private static partial Regex Numbered();
}
