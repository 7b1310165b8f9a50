using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ConsoleBench;

internal sealed record BenchCampaign(long Id, string Name, int Roster, int Sheets);

/// <summary>
/// The large campaigns the screens are walked on. Found in any database (the largest campaign in the stage, so a
/// generated national database works as is), or built on the real tree: campaigns are created and advanced, sheets
/// issued and imported, and grades proposed by the real Core services; only the bulk of the fixture — every township
/// of the organiser added to the roster, a secretary each, and the grading campaign's scores and stage — is written
/// with SQL, as bench/export-summary.sh does, because adding thousands of extras one by one is not what is measured.
/// </summary>
internal static class BenchCampaigns
{
    private const int Year = 2023;

    public static BenchCampaign? Largest(CoreHarness core, CampaignStage stage)
    {
        using var c = core.Get<Database>().Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT c.id, o.name || ' ' || c.year, count(e.id), (SELECT count(*) FROM ballot_sheet s WHERE s.campaign_id = c.id)
              FROM campaign c JOIN organisation o ON o.code = c.organiser_code
              JOIN roster_entry e ON e.campaign_id = c.id AND e.removed_reason IS NULL
             WHERE c.stage = $stage GROUP BY c.id ORDER BY count(e.id) DESC, c.id LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$stage", stage.ToString().ToLowerInvariant());
        using var r = cmd.ExecuteReader();
        return r.Read() ? new BenchCampaign(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3)) : null;
    }

    /// <summary>A campaign in the session stage: the organiser's direct subordinates and all its townships, <paramref name="sheets"/> sheets imported.</summary>
    public static long BuildBallot(CoreHarness core, string organiser, int sheets, string workDir)
    {
        var campaigns = core.Get<CampaignService>();
        var id = campaigns.Create(organiser, Year, 0.3).Value.Campaign.Id;
        AddTownshipsWithSecretaries(core, id, organiser);
        campaigns.Advance(id);
        campaigns.Advance(id);
        var ballots = core.Get<BallotService>();
        ballots.Issue(id, sheets + 1000);
        var csv = Path.Combine(workDir, $"ballots-{id}.csv");
        var codes = campaigns.Show(id).Roster.Select(a => a.Entry.OrgCode).ToList();
        string[] marks = ["好", "较好", "一般", "差", ""];
        using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
        {
            writer.WriteLine("sheet,org_code,mark");
            for (var s = 1; s <= sheets; s++)
                for (var k = 0; k < codes.Count; k++)
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"S{s:D5},{codes[k]},{marks[(s * 7 + k * 3) % 5]}"));
        }
        ballots.Import(id, csv);
        File.Delete(csv);
        return id;
    }

    /// <summary>
    /// A campaign in the evaluation stage: the organiser's subordinates and all its townships, 60 sheets of marks,
    /// an inspection and an observation score each, and grades proposed by <see cref="EvaluationService.Propose"/>.
    /// </summary>
    public static long BuildGrading(CoreHarness core, string organiser)
    {
        var id = core.Get<CampaignService>().Create(organiser, Year, 0.3).Value.Campaign.Id;
        AddTownshipsWithSecretaries(core, id, organiser);
        using (var c = core.Get<Database>().Open())
        using (var tx = c.BeginTransaction())
        {
            Exec(c, tx, """
                WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 60)
                INSERT INTO ballot_sheet(campaign_id, serial, is_void, digest, keyed_by, keyed_at) SELECT $c, 'S' || n, 0, 'bench', 'bench', $now FROM s
                """, id);
            Exec(c, tx, "INSERT INTO ballot_issue(campaign_id, issued, recorded_by, recorded_at) VALUES ($c, 62, 'bench', $now)", id);
            Exec(c, tx, """
                INSERT INTO ballot_mark(sheet_id, entry_id, campaign_id, mark)
                SELECT b.id, e.id, $c, 1 + ((b.id * 7 + e.id * 3) % 4) FROM ballot_sheet b JOIN roster_entry e ON e.campaign_id = b.campaign_id WHERE b.campaign_id = $c
                """, id);
            Exec(c, tx, """
                INSERT INTO inspection_score(entry_id, item_code, score, recorded_by, recorded_at)
                SELECT id, 'std.3', 60 + (id % 40), 'bench', $now FROM roster_entry WHERE campaign_id = $c
                """, id);
            Exec(c, tx, """
                INSERT INTO evaluation_observation(entry_id, score, recorded_by, recorded_at)
                SELECT id, 70 + (id % 30), 'bench', $now FROM roster_entry WHERE campaign_id = $c
                """, id);
            Exec(c, tx, "UPDATE campaign SET stage = 'evaluation', row_version = row_version + 1 WHERE id = $c", id);
            Exec(c, tx, "INSERT INTO campaign_stage_move(campaign_id, from_stage, to_stage, note, moved_at, moved_by) VALUES ($c, 'plan', 'evaluation', '基准数据', $now, 'bench')", id);
            tx.Commit();
        }
        core.Get<EvaluationService>().Propose(id);
        return id;
    }

    private static void AddTownshipsWithSecretaries(CoreHarness core, long id, string organiser)
    {
        using var c = core.Get<Database>().Open();
        using var tx = c.BeginTransaction();
        Exec(c, tx, """
            INSERT INTO roster_entry(campaign_id, org_code, origin, added_reason, added_by, added_at)
            SELECT $c, code, 'extra', '基准：组织者所辖全部乡镇（街道）', 'bench', $now FROM organisation
             WHERE level = 4 AND is_grouping = 0 AND code LIKE $o || '%'
               AND NOT EXISTS (SELECT 1 FROM roster_entry e WHERE e.campaign_id = $c AND e.org_code = organisation.code)
            """, id, ("$o", organiser));
        var orgs = new List<string>();
        using (var list = c.CreateCommand())
        {
            list.Transaction = tx;
            list.CommandText = """
                SELECT e.org_code FROM roster_entry e WHERE e.campaign_id = $c
                   AND NOT EXISTS (SELECT 1 FROM secretary_term t WHERE t.org_code = e.org_code)
                """;
            list.Parameters.AddWithValue("$c", id);
            using var r = list.ExecuteReader();
            while (r.Read()) orgs.Add(r.GetString(0));
        }
        const string surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
        const string given = "建国志强海燕红梅立新文华春生秀英国庆玉兰德明";
        var rnd = new Random(11);
        foreach (var code in orgs)
        {
            var name = $"{surnames[rnd.Next(surnames.Length)]}{given[rnd.Next(given.Length)]}{given[rnd.Next(given.Length)]}";
            var personId = Scalar(c, tx, "INSERT INTO person(name) VALUES ($n) RETURNING id", ("$n", name));
            Exec(c, tx, "INSERT INTO secretary_term(org_code, person_id, start_on) VALUES ($o, $p, '2020-01-01')", id, ("$o", code), ("$p", personId));
        }
        tx.Commit();
    }

    private static void Exec(SqliteConnection c, SqliteTransaction tx, string sql, long campaignId, params (string Name, object Value)[] more)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        if (sql.Contains("$c", StringComparison.Ordinal)) cmd.Parameters.AddWithValue("$c", campaignId);
        if (sql.Contains("$now", StringComparison.Ordinal)) cmd.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        foreach (var (n, v) in more) cmd.Parameters.AddWithValue(n, v);
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection c, SqliteTransaction tx, string sql, params (string Name, object Value)[] ps)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
        return (long)cmd.ExecuteScalar()!;
    }
}
