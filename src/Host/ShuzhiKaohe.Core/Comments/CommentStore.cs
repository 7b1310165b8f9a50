using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Comments;

/// <summary>The SQL of comments and their problems.</summary>
internal static class CommentStore
{
    public static long Insert(SqliteConnection c, SqliteTransaction tx, long entryId, CommentBy by, string? commenter, CommentMode mode,
        string? problems, string? direction, IReadOnlyList<string> problemItems, string who)
    {
        var id = c.Long(tx, """
            INSERT INTO comment(entry_id, by_role, commenter, mode, problems, direction, recorded_by, recorded_at)
            VALUES ($e, $b, $who_c, $m, $p, $d, $who, $now) RETURNING id
            """, ("$e", entryId), ("$b", by.Key()), ("$who_c", commenter), ("$m", mode.Key()), ("$p", problems), ("$d", direction),
            ("$who", who), ("$now", Sql.Now()));
        for (var i = 0; i < problemItems.Count; i++)
            c.Exec(tx, "INSERT INTO comment_problem(comment_id, seq, text) VALUES ($c, $s, $t)", ("$c", id), ("$s", i + 1), ("$t", problemItems[i]));
        return id;
    }

    public static List<Comment> ForCampaign(SqliteConnection c, SqliteTransaction? tx, long campaignId, string? orgCode, long? commentId = null)
    {
        var problems = c.List(tx, """
                SELECT p.comment_id, p.id, p.seq, p.text FROM comment_problem p JOIN comment k ON k.id = p.comment_id
                  JOIN roster_entry e ON e.id = k.entry_id WHERE e.campaign_id = $c ORDER BY p.comment_id, p.seq
                """, r => (CommentId: r.GetInt64(0), Problem: new CommentProblem(r.GetInt64(1), r.GetInt32(2), r.GetString(3))), ("$c", campaignId))
            .ToLookup(x => x.CommentId, x => x.Problem);
        return c.List(tx, """
            SELECT k.id, e.org_code, o.name, k.by_role, k.commenter, k.mode, k.problems, k.direction, k.recorded_by, k.recorded_at, k.row_version
              FROM comment k JOIN roster_entry e ON e.id = k.entry_id JOIN organisation o ON o.code = e.org_code
             WHERE e.campaign_id = $c AND e.removed_reason IS NULL AND ($o IS NULL OR e.org_code = $o) AND ($id IS NULL OR k.id = $id)
             ORDER BY e.org_code, k.id
            """, r => new Comment(r.GetInt64(0), r.GetString(1), r.GetString(2),
                r.GetString(3) switch { "superior" => CommentBy.Superior, "member" => CommentBy.Member, _ => CommentBy.Higher },
                r.NullableString(4), r.GetString(5) == "one_by_one" ? CommentMode.OneByOne : CommentMode.Collective,
                r.NullableString(6), r.NullableString(7), problems[r.GetInt64(0)].ToList(), [], r.GetString(8), r.GetString(9), r.GetInt64(10)),
            ("$c", campaignId), ("$o", orgCode), ("$id", commentId));
    }

    /// <summary>Active entries without a comment by the superior secretary (for the session gate).</summary>
    public static List<long> EntriesWithoutSuperior(SqliteConnection c, SqliteTransaction tx, long campaignId) =>
        c.List(tx, """
            SELECT e.id FROM roster_entry e WHERE e.campaign_id = $c AND e.removed_reason IS NULL
               AND NOT EXISTS (SELECT 1 FROM comment k WHERE k.entry_id = e.id AND k.by_role = 'superior')
            """, r => r.GetInt64(0), ("$c", campaignId));
}
