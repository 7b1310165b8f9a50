using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Core.Ballots;

/// <summary>
/// A paper ballot sheet as keyed (测评票, 第五条): its serial and a mark or a blank per reporter, or void as a whole.
/// There is nothing about who filled it in — by design there is nowhere to put it.
/// </summary>
/// <param name="Marks">Organisation code → grade; a reporter not listed, or listed with null, is blank.</param>
public sealed record BallotSheetInput(string Serial, bool IsVoid, IReadOnlyDictionary<string, Grade?> Marks);

/// <summary>A sheet as stored.</summary>
public sealed record BallotSheet(long Id, string Serial, bool IsVoid, int Marks, string Digest, string KeyedBy, string KeyedAt);

/// <summary>How many sheets were handed out (发放) and what has been keyed so far.</summary>
public sealed record BallotIssue(long CampaignId, int? Issued, int Sheets, int Void);

/// <summary>One reporter's marks on the valid sheets (blank = valid sheets without a mark for the reporter).</summary>
public sealed record AssesseeTally(long EntryId, string Code, string Name, BallotCounts Counts);

/// <summary>
/// The count of a campaign's ballots: sheets issued and keyed, void sheets, turnout, each reporter's marks, and the
/// hash over the campaign's sheets that <c>ballot verify</c> recomputes.
/// </summary>
public sealed record BallotTally(long Campaign, int? Issued, int Sheets, int Void, double? Turnout, string Hash, bool SealMatches,
    IReadOnlyList<AssesseeTally> Assessees)
{
    public int Valid => Sheets - Void;
}

/// <summary>What <c>ballot verify</c> found: the sheets whose content no longer matches what was keyed, and any count that moved.</summary>
public sealed record BallotVerification(long Campaign, string SealedHash, string CurrentHash, int SealedSheets, int CurrentSheets,
    long SealedMarks, long CurrentMarks, IReadOnlyList<string> ChangedSheets, IReadOnlyList<string> Problems)
{
    public bool Ok => ChangedSheets.Count == 0 && Problems.Count == 0;
}

/// <summary>What an import keyed.</summary>
public sealed record BallotImportResult(long Campaign, int Sheets, int Void, long Marks, string Hash);

public static class BallotMarks
{
    /// <summary>Reads a mark: 好|较好|一般|差|good|fairly_good|average|poor, or a blank (empty, blank, 空白, 弃权) as null.</summary>
    public static bool TryParse(string? text, out Grade? mark)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0 || t.Equals("blank", StringComparison.OrdinalIgnoreCase) || t is "空白" or "弃权" or "空")
        {
            mark = null;
            return true;
        }
        if (Grades.TryParse(t, out var g))
        {
            mark = g;
            return true;
        }
        mark = null;
        return false;
    }
}
