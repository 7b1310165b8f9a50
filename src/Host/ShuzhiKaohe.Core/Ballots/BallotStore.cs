using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Ballots;

/// <summary>The SQL of ballots. Keying writes sheets and marks and re-seals in the caller's transaction.</summary>
internal static class BallotStore
{
    public static (int? Issued, long? Version) Issued(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT issued, row_version FROM ballot_issue WHERE campaign_id = $c", r => ((int?)r.GetInt32(0), (long?)r.GetInt64(1)),
            ("$c", campaignId)).FirstOrDefault();

    public static void SetIssued(SqliteConnection c, SqliteTransaction tx, long campaignId, int issued, string who, long? existingVersion)
    {
        if (existingVersion is null)
            c.Exec(tx, "INSERT INTO ballot_issue(campaign_id, issued, recorded_by, recorded_at) VALUES ($c, $n, $who, $now)",
                ("$c", campaignId), ("$n", issued), ("$who", who), ("$now", Sql.Now()));
        else if (c.Exec(tx, """
                     UPDATE ballot_issue SET issued = $n, recorded_by = $who, recorded_at = $now, row_version = row_version + 1
                      WHERE campaign_id = $c AND row_version = $rv
                     """, ("$c", campaignId), ("$n", issued), ("$who", who), ("$now", Sql.Now()), ("$rv", existingVersion)) == 0)
            throw new ConflictException($"考核 {campaignId} 的测评票发放数", existingVersion.Value, null);
    }

    public static (int Sheets, int Void) Counts(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT count(*), coalesce(sum(is_void), 0) FROM ballot_sheet WHERE campaign_id = $c",
            r => (r.GetInt32(0), r.GetInt32(1)), ("$c", campaignId)).Single();

    public static HashSet<string> Serials(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT serial FROM ballot_sheet WHERE campaign_id = $c", r => r.GetString(0), ("$c", campaignId)).ToHashSet(StringComparer.Ordinal);

    public static bool Exists(SqliteConnection c, SqliteTransaction? tx, long campaignId, string serial) =>
        c.Long(tx, "SELECT count(*) FROM ballot_sheet WHERE campaign_id = $c AND serial = $s", ("$c", campaignId), ("$s", serial)) > 0;

    /// <summary>(serial, stored digest) of every sheet: what the seal hashes.</summary>
    public static List<(string Serial, string Digest)> Digests(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT serial, digest FROM ballot_sheet WHERE campaign_id = $c", r => (r.GetString(0), r.GetString(1)), ("$c", campaignId));

    public static long MarkCount(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.Long(tx, "SELECT count(*) FROM ballot_mark WHERE campaign_id = $c", ("$c", campaignId));

    public static (int Sheets, long Marks, string Hash)? Seal(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT sheets, marks, hash FROM ballot_seal WHERE campaign_id = $c",
            r => ((int Sheets, long Marks, string Hash)?)(r.GetInt32(0), r.GetInt64(1), r.GetString(2)), ("$c", campaignId)).FirstOrDefault();

    /// <summary>Re-seals after keying: sheet count, mark count, and the hash over the stored digests.</summary>
    public static string Reseal(SqliteConnection c, SqliteTransaction tx, long campaignId)
    {
        var digests = Digests(c, tx, campaignId);
        var hash = SheetDigest.Seal(campaignId, digests);
        c.Exec(tx, """
            INSERT INTO ballot_seal(campaign_id, sheets, marks, hash, sealed_at) VALUES ($c, $s, $m, $h, $now)
            ON CONFLICT(campaign_id) DO UPDATE SET sheets = excluded.sheets, marks = excluded.marks, hash = excluded.hash,
                   sealed_at = excluded.sealed_at, row_version = ballot_seal.row_version + 1
            """, ("$c", campaignId), ("$s", digests.Count), ("$m", MarkCount(c, tx, campaignId)), ("$h", hash), ("$now", Sql.Now()));
        return hash;
    }

    /// <summary>
    /// The tally: marks per reporter and grade, read from the covering index ballot_mark_tally in order
    /// (EXPLAIN QUERY PLAN: SEARCH ballot_mark USING COVERING INDEX ballot_mark_tally (campaign_id=?)).
    /// </summary>
    public const string TallySql = "SELECT entry_id, mark, count(*) FROM ballot_mark WHERE campaign_id = $c GROUP BY entry_id, mark";

    public static Dictionary<long, int[]> Tally(SqliteConnection c, long campaignId, SqliteTransaction? tx = null)
    {
        var counts = new Dictionary<long, int[]>();
        using var cmd = c.Command(tx, TallySql, ("$c", campaignId));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var entry = r.GetInt64(0);
            if (!counts.TryGetValue(entry, out var row)) counts[entry] = row = new int[5];
            row[r.GetInt32(1)] = r.GetInt32(2);
        }
        return counts;
    }

    /// <summary>Every sheet of the campaign as stored now: (id, serial, void, digest).</summary>
    public static List<(long Id, string Serial, bool Void, string Digest)> Sheets(SqliteConnection c, long campaignId) =>
        c.List(null, "SELECT id, serial, is_void, digest FROM ballot_sheet WHERE campaign_id = $c",
            r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2) != 0, r.GetString(3)), ("$c", campaignId));

    /// <summary>Organisation codes of every roster entry of the campaign, removed ones included.</summary>
    public static Dictionary<long, string> EntryCodes(SqliteConnection c, long campaignId) =>
        c.List(null, "SELECT id, org_code FROM roster_entry WHERE campaign_id = $c", r => (r.GetInt64(0), r.GetString(1)), ("$c", campaignId))
            .ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Reads one sheet's marks at a time (prepared once): verify streams sheet by sheet instead of loading every mark.</summary>
    public sealed class MarkReader : IDisposable
    {
        private readonly SqliteCommand _cmd;

        public MarkReader(SqliteConnection c)
        {
            _cmd = c.Command(null, "SELECT entry_id, mark FROM ballot_mark WHERE sheet_id = $s", ("$s", 0L));
            _cmd.Prepare();
        }

        public List<(long EntryId, int Mark)> Read(long sheetId)
        {
            _cmd.Parameters["$s"].Value = sheetId;
            using var r = _cmd.ExecuteReader();
            var list = new List<(long, int)>();
            while (r.Read()) list.Add((r.GetInt64(0), r.GetInt32(1)));
            return list;
        }

        public void Dispose() => _cmd.Dispose();
    }

    /// <summary>Marks filed under the campaign whose sheet belongs elsewhere or to no sheet of it.</summary>
    public static long StrayMarks(SqliteConnection c, long campaignId) =>
        c.Long(null, """
            SELECT count(*) FROM ballot_mark m WHERE m.campaign_id = $c
               AND NOT EXISTS (SELECT 1 FROM ballot_sheet s WHERE s.id = m.sheet_id AND s.campaign_id = $c)
            """, ("$c", campaignId));

    /// <summary>Prepared inserts for keying many sheets in one transaction.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _sheet;
        private readonly SqliteCommand _mark;
        private readonly long _campaignId;

        public Writer(SqliteConnection c, SqliteTransaction tx, long campaignId, string who)
        {
            _campaignId = campaignId;
            _sheet = c.Command(tx, """
                INSERT INTO ballot_sheet(campaign_id, serial, is_void, digest, keyed_by, keyed_at) VALUES ($c, $s, $v, $d, $who, $now) RETURNING id
                """, ("$c", campaignId), ("$s", ""), ("$v", 0), ("$d", ""), ("$who", who), ("$now", Sql.Now()));
            _mark = c.Command(tx, "INSERT INTO ballot_mark(sheet_id, entry_id, campaign_id, mark) VALUES ($s, $e, $c, $m)",
                ("$s", 0L), ("$e", 0L), ("$c", campaignId), ("$m", 0));
            _sheet.Prepare();
            _mark.Prepare();
        }

        public long Marks { get; private set; }

        public void Write(string serial, bool isVoid, IReadOnlyList<(long EntryId, string Code, Grade Mark)> marks)
        {
            _sheet.Parameters["$s"].Value = serial;
            _sheet.Parameters["$v"].Value = isVoid ? 1 : 0;
            _sheet.Parameters["$d"].Value = SheetDigest.Of(_campaignId, serial, isVoid, marks.Select(m => (m.Code, m.Mark)));
            var id = (long)_sheet.ExecuteScalar()!;
            _mark.Parameters["$s"].Value = id;
            foreach (var (entryId, _, mark) in marks.OrderBy(m => m.EntryId))
            {
                _mark.Parameters["$e"].Value = entryId;
                _mark.Parameters["$m"].Value = (int)mark;
                _mark.ExecuteNonQuery();
                Marks++;
            }
        }

        public void Dispose()
        {
            _sheet.Dispose();
            _mark.Dispose();
        }
    }
}
