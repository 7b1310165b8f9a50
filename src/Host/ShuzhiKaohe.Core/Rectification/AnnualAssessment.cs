using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Rectification;

/// <summary>
/// The annual assessment (年度考核) of the secretary of an organisation in a year, kept here only for 第七条's
/// consequence: a 述职评议 grade other than 好 rules out 优秀. <see cref="Conflicting"/>: an 优秀 recorded before the
/// approval that made it impossible, listed until corrected.
/// </summary>
public sealed record AnnualAssessment(long Id, int Year, string OrgCode, string Grade, bool Conflicting, string RecordedBy, string RecordedAt, long RowVersion);

public static class AnnualGrades
{
    public const string Excellent = "优秀";
    public static readonly IReadOnlyList<string> All = [Excellent, "称职", "基本称职", "不称职"];

    public static string Parse(string text) =>
        All.FirstOrDefault(g => g == text.Trim())
        ?? throw new InvalidInputException($"年度考核等次“{text}”应为 {string.Join("|", All)}");
}

internal static class AnnualStore
{
    private const string Columns = "id, year, org_code, grade, conflicting, recorded_by, recorded_at, row_version";

    public static AnnualAssessment? Find(SqliteConnection c, SqliteTransaction? tx, int year, string orgCode) =>
        c.List(tx, $"SELECT {Columns} FROM annual_assessment WHERE year = $y AND org_code = $o", Read, ("$y", year), ("$o", orgCode)).FirstOrDefault();

    public static List<AnnualAssessment> List(SqliteConnection c, int? year, bool conflictingOnly) =>
        c.List(null, $"""
            SELECT {Columns} FROM annual_assessment WHERE ($y IS NULL OR year = $y) AND ($c = 0 OR conflicting = 1) ORDER BY year, org_code
            """, Read, ("$y", year), ("$c", conflictingOnly ? 1 : 0));

    public static long Save(SqliteConnection c, SqliteTransaction tx, int year, string orgCode, string grade, string who, AnnualAssessment? existing)
    {
        if (existing is null)
            return c.Long(tx, """
                INSERT INTO annual_assessment(year, org_code, grade, recorded_by, recorded_at) VALUES ($y, $o, $g, $who, $now) RETURNING id
                """, ("$y", year), ("$o", orgCode), ("$g", grade), ("$who", who), ("$now", Sql.Now()));
        if (c.Exec(tx, """
                UPDATE annual_assessment SET grade = $g, conflicting = 0, recorded_by = $who, recorded_at = $now, row_version = row_version + 1
                 WHERE id = $id AND row_version = $rv
                """, ("$g", grade), ("$who", who), ("$now", Sql.Now()), ("$id", existing.Id), ("$rv", existing.RowVersion)) == 0)
            throw new ConflictException($"{orgCode} {year} 年度考核等次", existing.RowVersion, null);
        return existing.Id;
    }

    /// <summary>Marks an 优秀 of the year as conflicting (第七条); returns its id, or null when there is none.</summary>
    public static long? MarkConflicting(SqliteConnection c, SqliteTransaction tx, int year, string orgCode)
    {
        var found = Find(c, tx, year, orgCode);
        if (found is not { Grade: AnnualGrades.Excellent, Conflicting: false }) return null;
        c.Exec(tx, "UPDATE annual_assessment SET conflicting = 1, row_version = row_version + 1 WHERE id = $id", ("$id", found.Id));
        return found.Id;
    }

    /// <summary>The approved (or revised) grade of <paramref name="orgCode"/> in <paramref name="year"/>'s campaigns, if any.</summary>
    public static List<string> ApprovedGrades(SqliteConnection c, SqliteTransaction? tx, int year, string orgCode) =>
        c.List(tx, """
            SELECT g.grade FROM evaluation_grade g JOIN campaign k ON k.id = g.campaign_id JOIN roster_entry e ON e.id = g.entry_id
             WHERE k.year = $y AND g.org_code = $o AND g.status IN ('approved', 'revised') AND e.removed_reason IS NULL
            """, r => r.GetString(0), ("$y", year), ("$o", orgCode));

    private static AnnualAssessment Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0, r.GetString(5), r.GetString(6), r.GetInt64(7));
}
