using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Inspection;

/// <summary>
/// The kind of evidence behind an on-site inspection score (第六条): site visits 现场查看 and interviews with Party
/// members and the masses 走访党员群众 are the way; briefings 听汇报 and papers 查资料、看台账 "一般不" are.
/// </summary>
public enum EvidenceKind { Site, Interview, Briefing, Records }

/// <summary>A score 0–100 for one focus item of one assessee, with its evidence and finding.</summary>
public sealed record InspectionScore(long Id, string OrgCode, string OrgName, string ItemCode, double Score,
    IReadOnlyList<EvidenceKind> Evidence, string? Note, string RecordedBy, string RecordedAt, long RowVersion);

public static class EvidenceKinds
{
    public static string Key(this EvidenceKind k) => k switch
    {
        EvidenceKind.Site => "site",
        EvidenceKind.Interview => "interview",
        EvidenceKind.Briefing => "briefing",
        _ => "records",
    };

    public static string Chinese(this EvidenceKind k) => k switch
    {
        EvidenceKind.Site => "现场查看",
        EvidenceKind.Interview => "走访党员群众",
        EvidenceKind.Briefing => "听汇报",
        _ => "查资料、看台账",
    };

    /// <summary>第六条: "一般不以听汇报、查资料、看台账的方式进行考核".</summary>
    public static bool IsDiscouraged(this EvidenceKind k) => k is EvidenceKind.Briefing or EvidenceKind.Records;

    /// <summary>Reads "site,interview" (English keys or Chinese names; ，、 also separate).</summary>
    public static IReadOnlyList<EvidenceKind> Parse(string? text)
    {
        var kinds = new List<EvidenceKind>();
        foreach (var part in (text ?? "").Split([',', '，', '、', '+', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            EvidenceKind k = part.ToLowerInvariant() switch
            {
                "site" or "现场查看" or "现场" => EvidenceKind.Site,
                "interview" or "走访党员群众" or "走访" => EvidenceKind.Interview,
                "briefing" or "听汇报" or "汇报" => EvidenceKind.Briefing,
                "records" or "查资料" or "看台账" or "台账" or "资料" => EvidenceKind.Records,
                _ => throw new InvalidInputException($"未知的依据类型“{part}”：应为 site（现场查看）、interview（走访党员群众）、briefing（听汇报）或 records（查资料、看台账）"),
            };
            if (!kinds.Contains(k)) kinds.Add(k);
        }
        if (kinds.Count == 0) throw new InvalidInputException("须写明评分依据（--evidence site|interview|briefing|records）");
        return kinds;
    }
}
