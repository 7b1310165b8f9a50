using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Evaluation;

/// <summary>The SQL of observations, grades, approvals, revisions and follow-ups. Callers own the transaction.</summary>
internal static class EvaluationStore
{
    private const string GradeColumns = """
        g.entry_id, g.org_code, o.name, g.score, g.proposed_grade, g.grade, g.status, g.explanation, g.reason, g.recorded_by, g.recorded_at, g.row_version
        """;

    public static Observation? FindObservation(SqliteConnection c, SqliteTransaction? tx, long entryId) =>
        c.List(tx, """
            SELECT e.org_code, v.score, v.note, v.recorded_by, v.recorded_at, v.row_version
              FROM evaluation_observation v JOIN roster_entry e ON e.id = v.entry_id WHERE v.entry_id = $e
            """, r => new Observation(r.GetString(0), r.GetDouble(1), r.NullableString(2), r.GetString(3), r.GetString(4), r.GetInt64(5)),
            ("$e", entryId)).FirstOrDefault();

    public static void SaveObservation(SqliteConnection c, SqliteTransaction tx, long entryId, double score, string? note, string who, Observation? existing)
    {
        if (existing is null)
        {
            c.Exec(tx, """
                INSERT INTO evaluation_observation(entry_id, score, note, recorded_by, recorded_at) VALUES ($e, $s, $n, $who, $now)
                """, ("$e", entryId), ("$s", score), ("$n", note), ("$who", who), ("$now", Sql.Now()));
            return;
        }
        if (c.Exec(tx, """
                UPDATE evaluation_observation SET score = $s, note = $n, recorded_by = $who, recorded_at = $now, row_version = row_version + 1
                 WHERE entry_id = $e AND row_version = $rv
                """, ("$s", score), ("$n", note), ("$who", who), ("$now", Sql.Now()), ("$e", entryId), ("$rv", existing.RowVersion)) == 0)
            throw new ConflictException($"{existing.OrgCode} 的平时了解评分", existing.RowVersion, null);
    }

    public static Dictionary<long, double> ObservationScores(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, """
            SELECT v.entry_id, v.score FROM evaluation_observation v JOIN roster_entry e ON e.id = v.entry_id WHERE e.campaign_id = $c
            """, r => (r.GetInt64(0), r.GetDouble(1)), ("$c", campaignId)).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>The mean of each assessee's on-site inspection scores over the items scored (实地考核, 第六条).</summary>
    public static Dictionary<long, double> InspectionMeans(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, """
            SELECT s.entry_id, avg(s.score) FROM inspection_score s JOIN roster_entry e ON e.id = s.entry_id
             WHERE e.campaign_id = $c GROUP BY s.entry_id
            """, r => (r.GetInt64(0), r.GetDouble(1)), ("$c", campaignId)).ToDictionary(x => x.Item1, x => x.Item2);

    public static List<AssesseeGrade> Grades(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, $"""
            SELECT {GradeColumns} FROM evaluation_grade g JOIN organisation o ON o.code = g.org_code
              JOIN roster_entry e ON e.id = g.entry_id
             WHERE g.campaign_id = $c AND e.removed_reason IS NULL ORDER BY g.org_code
            """, ReadGrade, ("$c", campaignId));

    /// <summary>
    /// Every active assessee in roster (code) order with its grade, or none yet: one pass over the roster's
    /// (campaign, code) index with the grade by its primary key. Reading the grades apart sorted them in a temporary
    /// B-tree, their explanations with them, which cost more than the rest of a refresh of 3,132 (issue 11).
    /// </summary>
    public static List<EvaluationLine> Lines(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, LinesSql, r => new EvaluationLine(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : ReadGrade(r, 2)), ("$c", campaignId));

    /// <summary>EXPLAIN QUERY PLAN: SEARCH e USING INDEX (campaign_id=?), o and g by primary key, no temporary B-tree (a Core test pins it).</summary>
    public const string LinesSql = $"""
        SELECT e.org_code, o.name, {GradeColumns} FROM roster_entry e JOIN organisation o ON o.code = e.org_code
          LEFT JOIN evaluation_grade g ON g.entry_id = e.id
         WHERE e.campaign_id = $c AND e.removed_reason IS NULL ORDER BY e.org_code
        """;

    /// <summary>
    /// One assessee's grade, by its roster entry (the primary key): a change of one grade reads one row, not the
    /// campaign's thousands (issue 11).
    /// </summary>
    public static AssesseeGrade? Grade(SqliteConnection c, SqliteTransaction? tx, long entryId) =>
        c.List(tx, GradeByEntrySql, ReadGrade, ("$e", entryId)).FirstOrDefault();

    /// <summary>EXPLAIN QUERY PLAN: SEARCH g USING PRIMARY KEY (entry_id=?), SEARCH o USING PRIMARY KEY (code=?) (a Core test pins it).</summary>
    public const string GradeByEntrySql = $"SELECT {GradeColumns} FROM evaluation_grade g JOIN organisation o ON o.code = g.org_code WHERE g.entry_id = $e";

    /// <summary>Writes a grade: inserts the first, else updates at the version read (<see cref="ConflictException"/> if it moved).</summary>
    public static void SaveGrade(SqliteConnection c, SqliteTransaction tx, long campaignId, long entryId, string orgCode, double? score,
        Grade? proposed, Grade grade, GradeStatus status, string? explanation, string? reason, string who, AssesseeGrade? existing)
    {
        (string, object?)[] values =
        [
            ("$c", campaignId), ("$e", entryId), ("$o", orgCode), ("$s", score), ("$p", proposed?.Json()), ("$g", grade.Json()),
            ("$st", status.Key()), ("$x", explanation), ("$r", reason), ("$who", who), ("$now", Sql.Now()),
        ];
        if (existing is null)
        {
            c.Exec(tx, """
                INSERT INTO evaluation_grade(entry_id, campaign_id, org_code, score, proposed_grade, grade, status, explanation, reason, recorded_by, recorded_at)
                VALUES ($e, $c, $o, $s, $p, $g, $st, $x, $r, $who, $now)
                """, values);
            return;
        }
        if (c.Exec(tx, """
                UPDATE evaluation_grade SET score = $s, proposed_grade = $p, grade = $g, status = $st, explanation = $x, reason = $r,
                       recorded_by = $who, recorded_at = $now, row_version = row_version + 1
                 WHERE entry_id = $e AND row_version = $rv AND campaign_id = $c AND org_code = $o
                """, [.. values, ("$rv", existing.RowVersion)]) == 0)
            throw new ConflictException($"{orgCode} 的等次", existing.RowVersion, null);
    }

    public static int ApproveAll(SqliteConnection c, SqliteTransaction tx, long campaignId) =>
        c.Exec(tx, "UPDATE evaluation_grade SET status = 'approved', row_version = row_version + 1 WHERE campaign_id = $c", ("$c", campaignId));

    public static EvaluationApproval? Approval(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT campaign_id, meeting, approved_by, approved_at FROM evaluation_approval WHERE campaign_id = $c",
            r => new EvaluationApproval(r.GetInt64(0), r.NullableString(1), r.GetString(2), r.GetString(3)), ("$c", campaignId)).FirstOrDefault();

    public static void InsertApproval(SqliteConnection c, SqliteTransaction tx, long campaignId, string? meeting, string who, string now) =>
        c.Exec(tx, "INSERT INTO evaluation_approval(campaign_id, meeting, approved_by, approved_at) VALUES ($c, $m, $who, $now)",
            ("$c", campaignId), ("$m", meeting), ("$who", who), ("$now", now));

    public static long InsertRevision(SqliteConnection c, SqliteTransaction tx, long entryId, Grade from, Grade to, string reason, string decision, string who) =>
        c.Long(tx, """
            INSERT INTO evaluation_revision(entry_id, from_grade, to_grade, reason, decision, revised_by, revised_at)
            VALUES ($e, $f, $t, $r, $d, $who, $now) RETURNING id
            """, ("$e", entryId), ("$f", from.Json()), ("$t", to.Json()), ("$r", reason), ("$d", decision), ("$who", who), ("$now", Sql.Now()));

    public static List<GradeRevision> Revisions(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, """
            SELECT v.id, e.org_code, v.from_grade, v.to_grade, v.reason, v.decision, v.revised_by, v.revised_at
              FROM evaluation_revision v JOIN roster_entry e ON e.id = v.entry_id WHERE e.campaign_id = $c ORDER BY v.id
            """, r => new GradeRevision(r.GetInt64(0), r.GetString(1), GradeStatuses.ParseGrade(r.GetString(2)), GradeStatuses.ParseGrade(r.GetString(3)),
                r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)), ("$c", campaignId));

    public static FollowUp InsertFollowUp(SqliteConnection c, SqliteTransaction tx, long campaignId, string? orgCode, FollowUpKind kind, string? scope,
        string doneBy, string who)
    {
        var now = Sql.Now();
        var id = c.Long(tx, """
            INSERT INTO evaluation_followup(campaign_id, org_code, kind, scope, done_by, recorded_by, recorded_at)
            VALUES ($c, $o, $k, $s, $by, $who, $now) RETURNING id
            """, ("$c", campaignId), ("$o", orgCode), ("$k", kind.Key()), ("$s", scope), ("$by", doneBy), ("$who", who), ("$now", now));
        return new FollowUp(id, campaignId, orgCode, kind, scope, doneBy, who, now);
    }

    private static AssesseeGrade ReadGrade(SqliteDataReader r) => ReadGrade(r, 0);

    /// <summary>The <see cref="GradeColumns"/> from column <paramref name="at"/> on.</summary>
    private static AssesseeGrade ReadGrade(SqliteDataReader r, int at) => new(
        r.GetInt64(at), r.GetString(at + 1), r.GetString(at + 2), r.NullableDouble(at + 3),
        r.IsDBNull(at + 4) ? null : GradeStatuses.ParseGrade(r.GetString(at + 4)), GradeStatuses.ParseGrade(r.GetString(at + 5)),
        GradeStatuses.Parse(r.GetString(at + 6)), r.NullableString(at + 7), r.NullableString(at + 8), r.GetString(at + 9), r.GetString(at + 10),
        r.GetInt64(at + 11));
}
