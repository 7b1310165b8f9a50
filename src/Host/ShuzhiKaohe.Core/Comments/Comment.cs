namespace ShuzhiKaohe.Core.Comments;

/// <summary>
/// Who comments (第五、八条): the superior secretary (上级党组织书记, on every reporter), another member of the
/// leadership on their field (班子其他成员), or an official sent by the organisation department above (第八条).
/// </summary>
public enum CommentBy { Superior, Member, Higher }

/// <summary>第五条: "点评一般采取‘一述一评’的方式进行，也可结合实际集中点评".</summary>
public enum CommentMode { OneByOne, Collective }

/// <summary>One problem a comment points out; each can later become a rectification item (整改清单, 第七条).</summary>
public sealed record CommentProblem(long Id, int Seq, string Text);

/// <summary>A comment (点评) on one reporter.</summary>
public sealed record Comment(
    long Id,
    string OrgCode,
    string OrgName,
    CommentBy By,
    string? Commenter,
    CommentMode Mode,
    string? Problems,
    string? Direction,
    IReadOnlyList<CommentProblem> ProblemItems,
    IReadOnlyList<string> Flags,
    string RecordedBy,
    string RecordedAt,
    long RowVersion);

public static class CommentKinds
{
    public static string Key(this CommentBy b) => b switch
    {
        CommentBy.Superior => "superior",
        CommentBy.Member => "member",
        _ => "higher",
    };

    public static string Chinese(this CommentBy b) => b switch
    {
        CommentBy.Superior => "上级党组织书记",
        CommentBy.Member => "班子其他成员",
        _ => "上级组织部门派员",
    };

    public static bool TryParseBy(string? text, out CommentBy by)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "superior" or "书记" or "上级书记": by = CommentBy.Superior; return true;
            case "member" or "班子成员" or "其他成员": by = CommentBy.Member; return true;
            case "higher" or "组织部门" or "上级组织部门": by = CommentBy.Higher; return true;
            default: by = default; return false;
        }
    }

    public static string Key(this CommentMode m) => m == CommentMode.OneByOne ? "one_by_one" : "collective";

    public static string Chinese(this CommentMode m) => m == CommentMode.OneByOne ? "一述一评" : "集中点评";

    public static bool TryParseMode(string? text, out CommentMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "one_by_one" or "一述一评": mode = CommentMode.OneByOne; return true;
            case "collective" or "集中点评" or "集中": mode = CommentMode.Collective; return true;
            default: mode = default; return false;
        }
    }
}
