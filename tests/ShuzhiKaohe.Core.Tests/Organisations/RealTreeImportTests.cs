using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Text;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Organisations;

/// <summary>The real division files (../shared/data): the whole tree of 665,276 organisations, as shipped, no editing.</summary>
public sealed class RealTreeImportTests : IDisposable
{
    private readonly CoreHarness _core = new();
    private readonly TempDir _dir = new("realtree");
    private static string Divisions => Path.Combine(RepoPaths.SharedData, "divisions-2023.csv");
    private static string Villages => Path.Combine(RepoPaths.SharedData, "villages-2023.csv.gz");

    private OrganisationImportResult Import(params string[] files) =>
        _core.Get<OrganisationImporter>().Import(files, new OrganisationImportOptions());

    [Fact]
    public void The_whole_real_tree_imports_as_localities_and_a_second_import_changes_nothing()
    {
        var r = Import(Divisions, Villages);
        Assert.Equal(665_276, r.Inserted);
        Assert.Equal(new Dictionary<int, int> { [1] = 31, [2] = 342, [3] = 2978, [4] = 41_352, [5] = 620_573 }, r.RowsPerLevel);
        Assert.Equal(9, r.Groupings);
        Assert.Equal(["utf-8", "utf-8"], r.Files.Select(f => f.Encoding));
        Assert.True(r.Files[1].Compressed);

        var d = _core.Get<OrganisationDirectory>();
        Assert.Equal("湖北省", d.Get("42").Name);
        Assert.Equal("武汉市", d.Get("4201").Name);
        Assert.Equal("江岸区", d.Get("420102").Name);
        Assert.Equal("localities", d.Get("420102").Sector);
        // 北京市's districts answer to 北京市 through the grouping 市辖区, which is never in a roster.
        Assert.True(d.Get("1101").IsGrouping);
        Assert.Equal("11", d.Superior("110101")!.Code);
        var roster = d.DirectSubordinates("11", 2024);
        Assert.Contains(roster, o => o.Name == "东城区");
        Assert.DoesNotContain(roster, o => o.IsGrouping);
        Assert.All(d.Children("420102002"), o => Assert.Contains(o.Kind, new[] { "village", "community" }));

        using (var c = new SqliteConnection($"Data Source={_core.DatabasePath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM pragma_foreign_key_check('organisation')";
            Assert.Equal(0L, cmd.ExecuteScalar());
        }

        var search = _core.Get<OrganisationSearch>();
        Assert.Contains(search.Find("江岸").Hits, h => h.Organisation.Code == "420102");
        var clock = Stopwatch.StartNew();
        var wuhan = search.Find("武汉");
        clock.Stop();
        Assert.True(wuhan.Total > 0);
        Assert.True(clock.ElapsedMilliseconds < 500, $"warm search took {clock.ElapsedMilliseconds} ms"); // bench/ measures the 50 ms target

        // A query that matches 111,480 names: the total is every match (counted by SQLite here), the hits are ranked
        // exact name first, then shorter names, then code order, and each carries its whole path from the root.
        foreach (var q in new[] { "社区", "新村", "4201" })
        {
            var found = search.Find(q);
            using (var c = new SqliteConnection($"Data Source={_core.DatabasePath};Pooling=False"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "SELECT count(*) FROM organisation WHERE instr(name, $q) > 0 OR ($ascii AND code LIKE $q || '%')";
                cmd.Parameters.AddWithValue("$q", q);
                cmd.Parameters.AddWithValue("$ascii", q.All(char.IsAsciiDigit));
                Assert.Equal((long)found.Total, cmd.ExecuteScalar());
            }
            Assert.Equal(Math.Min(50, found.Total), found.Hits.Count);
            var keys = found.Hits.Select(h => (h.Organisation.Name == q ? 0 : 1, h.Organisation.Name.Length, h.Organisation.Code)).ToList();
            Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Length).ThenBy(k => k.Code, StringComparer.Ordinal), keys);
            foreach (var h in found.Hits)
            {
                Assert.Equal(h.Organisation.Code, h.Path[^1].Code);
                Assert.Equal(_core.Get<OrganisationDirectory>().Path(h.Organisation.Code).Select(o => o.Code), h.Path.Select(p => p.Code));
                Assert.Null(_core.Get<OrganisationDirectory>().Get(h.Path[0].Code).ParentCode);
            }
        }

        var again = Import(Divisions, Villages);
        Assert.Equal((0, 0, 665_276), (again.Inserted, again.Updated, again.Unchanged));
    }

    [Fact]
    public void A_gb18030_copy_of_the_division_file_imports_the_same_tree()
    {
        var gb = _dir.File("divisions-gb18030.csv");
        File.WriteAllText(gb, File.ReadAllText(Divisions), TextEncodings.Gb18030);
        var r = Import(gb);
        Assert.Equal("gb18030", r.Files[0].Encoding);
        Assert.Equal(new Dictionary<int, int> { [1] = 31, [2] = 342, [3] = 2978, [4] = 41_352 }, r.RowsPerLevel);
        Assert.Equal("江岸区", _core.Get<OrganisationDirectory>().Get("420102").Name);
    }

    public void Dispose()
    {
        _core.Dispose();
        _dir.Dispose();
    }
}
