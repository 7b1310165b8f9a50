using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Bench.Generator;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Generator;

/// <summary>
/// Guards bench/Generator (issue 11) in CI at a tiny scale: one city of the demo's Hubei file (鄂州市, 3 districts and
/// their townships) with its province's synthetic sector organisations and one of each central kind.
/// </summary>
public sealed class NationalGeneratorTests
{
    private static GeneratorOptions Tiny(long seed) =>
        new([Path.Combine(RepoPaths.Root, "demo", "divisions-hubei.csv")], seed, Scale: 0.01, Year: 2025, OnlyUnder: ["4207"]);

    private sealed record Outcome(string Digest, SortedDictionary<string, string> Tables, GeneratorSummary Summary, AuditReport Audit, string Integrity,
        List<string> QuotaBreaks);

    private static Outcome Generate(long seed)
    {
        using var core = new CoreHarness();
        var summary = new NationalGenerator(core.Services).Generate(Tiny(seed));
        using var c = core.Get<Database>().Open();
        using var check = c.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var integrity = (string)check.ExecuteScalar()!;
        return new Outcome(ContentDigest.Of(c), ContentDigest.Tables(c), summary, core.Get<AuditVerifier>().Verify(), integrity, QuotaBreaks(c));
    }

    /// <summary>第六条: every campaign approved by its committee, every assessee graded, at least ⌈ratio × n⌉ 较好 or below.</summary>
    private static List<string> QuotaBreaks(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT k.id, k.stage, k.min_below_good, count(g.entry_id), coalesce(sum(g.grade <> 'good'), 0),
                   (SELECT count(*) FROM roster_entry e WHERE e.campaign_id = k.id AND e.removed_reason IS NULL)
              FROM campaign k LEFT JOIN evaluation_grade g ON g.campaign_id = k.id GROUP BY k.id
            """;
        using var r = cmd.ExecuteReader();
        var breaks = new List<string>();
        while (r.Read())
        {
            var (id, stage, ratio, graded, below, roster) = (r.GetInt64(0), r.GetString(1), r.GetDouble(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5));
            if (stage != "approved" || graded != roster || below < (int)Math.Ceiling((decimal)ratio * graded))
                breaks.Add($"campaign {id}: {stage}, {graded} of {roster} graded, {below} below 好, quota {ratio}");
        }
        return breaks;
    }

    [Fact]
    public void The_same_seed_gives_the_same_database_which_passes_audit_verify_and_the_quota()
    {
        var first = Generate(7);
        var second = Generate(7);

        Assert.Equal("ok", first.Integrity);
        Assert.True(first.Audit.Ok, first.Audit.FirstBreak?.Message);
        Assert.Empty(first.QuotaBreaks);
        Assert.Equal(first.Tables, second.Tables); // names the table that differs
        Assert.Equal(first.Digest, second.Digest);
        // Every level took part: the province, the city, its districts, and the sector campaigns.
        Assert.True(first.Summary.Campaigns.Campaigns >= 10, $"{first.Summary.Campaigns.Campaigns} campaigns");
        Assert.True(first.Summary.Campaigns.Marks > 1000, $"{first.Summary.Campaigns.Marks} marks");
    }

    [Fact]
    public void The_digest_ignores_instants_and_summary_clauses_that_only_say_an_instant_moved()
    {
        // Core stamps rows with the wall clock; a grade approved in a later millisecond than it was proposed lists
        // its recorded_at among the changed fields, one run in two.
        var moved = "党委（党组）研究批准；status: \"proposed\" → \"approved\"；recorded_at: \"2026-11-27T21:07:14.760Z\" → \"2026-11-27T21:07:14.761Z\"；row_version: 1 → 2";
        var still = "党委（党组）研究批准；status: \"proposed\" → \"approved\"；row_version: 1 → 2";
        Assert.Equal(ContentDigest.Normalise(still), ContentDigest.Normalise(moved));
        Assert.Equal("新建：{\"recorded_at\":\"<时刻>\"}", ContentDigest.Normalise("新建：{\"recorded_at\":\"2026-11-27T21:07:14.762Z\"}"));
        Assert.NotEqual(ContentDigest.Normalise(still), ContentDigest.Normalise(still.Replace("approved", "revised")));
    }
}
