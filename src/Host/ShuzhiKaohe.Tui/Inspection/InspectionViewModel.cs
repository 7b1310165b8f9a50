using System.Globalization;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Tui.Shell;

namespace ShuzhiKaohe.Tui.Inspection;

/// <summary>
/// On-site inspection (实地考核, 第六条): the scores per assessee and focus item with their evidence and finding, and
/// entry of a score. The anti-formalism guard's refusal (第六条) is kept in <see cref="Refusal"/> to show in place.
/// </summary>
public sealed class InspectionViewModel(long campaignId, CampaignService campaigns, InspectionService inspection)
{
    public long CampaignId { get; } = campaignId;

    public Campaign Campaign { get; private set; } = null!;

    public IReadOnlyList<Assessee> Assessees { get; private set; } = [];

    public IReadOnlyList<InspectionScore> Scores { get; private set; } = [];

    public string? Refusal { get; private set; }

    public string Summary
    {
        get
        {
            var scored = Scores.Select(s => s.OrgCode).Distinct().Count();
            return $"{Assessees.Count} 名考核对象，{scored} 名已有评分，共 {Scores.Count} 项　阶段：{Campaign.Stage.Chinese()}" +
                   (Campaign.Stage == CampaignStage.Inspection ? "" : "（实地考核阶段才能录入）");
        }
    }

    /// <summary>One line per assessee without scores, and one per score, in roster order.</summary>
    public IReadOnlyList<(string OrgCode, string Text)> Rows =>
        Assessees.SelectMany(a =>
        {
            var mine = Scores.Where(s => s.OrgCode == a.Entry.OrgCode).ToList();
            var name = TextWidth.Fit(a.Entry.OrgName, 16);
            if (mine.Count == 0) return [(a.Entry.OrgCode, $"{TextWidth.PadRight(a.Entry.OrgCode, 10)}{name}（尚无评分）")];
            return mine.Select(s => (a.Entry.OrgCode,
                $"{TextWidth.PadRight(a.Entry.OrgCode, 10)}{name}{TextWidth.PadRight(s.ItemCode, 10)}{s.Score,5:0.#}  " +
                $"{string.Join("、", s.Evidence.Select(e => e.Chinese()))}{(s.Note is null ? "" : "　" + s.Note)}"));
        }).ToList();

    public void Load()
    {
        Campaign = campaigns.Get(CampaignId);
        Assessees = campaigns.Assessees(CampaignId);
        Scores = inspection.List(CampaignId);
    }

    /// <summary>Records a score; evidence as "site,interview" (or 现场查看、走访党员群众). Returns Core's warnings.</summary>
    public IReadOnlyList<string> Record(string orgCode, string itemCode, string score, string evidence, string? note)
    {
        if (!double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new InvalidInputException($"评分须为 0–100 的数，收到“{score}”");
        try
        {
            var r = inspection.Record(CampaignId, orgCode.Trim(), itemCode.Trim(), value, EvidenceKinds.Parse(evidence),
                string.IsNullOrWhiteSpace(note) ? null : note);
            Refusal = null;
            return r.Warnings;
        }
        catch (RuleViolationException e)
        {
            Refusal = e.Message;
            throw;
        }
        finally
        {
            Load();
        }
    }
}
