using System.Text;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Text.Import;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Organisations;

/// <summary>Small files: validation, repair, all-or-nothing, re-import. The real tree is in <see cref="RealTreeImportTests"/>.</summary>
public sealed class OrganisationImportTests : IDisposable
{
    private readonly CoreHarness _core = new();
    private readonly TempDir _dir = new("orgimp");

    internal const string Base = """
        code,name,parent_code,level
        42,湖北省,,1
        4201,武汉市,42,2
        420102,江岸区,4201,3
        420103,江汉区,4201,3
        420102001,大智街道,420102,4

        """;

    private string Csv(string text, string name = "orgs.csv")
    {
        var path = _dir.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        return path;
    }

    private OrganisationImportResult Import(string path, OrganisationImportOptions? options = null) =>
        _core.Get<OrganisationImporter>().Import([path], options ?? new OrganisationImportOptions());

    private long Count(string sql = "SELECT count(*) FROM organisation", string? code = null)
    {
        using var c = new SqliteConnection($"Data Source={_core.DatabasePath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        if (code is not null) cmd.Parameters.AddWithValue("$code", code);
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void A_valid_file_is_imported_with_counts_per_level()
    {
        var r = Import(Csv(Base));
        Assert.Equal(5, r.Inserted);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 2, [4] = 1 }, r.RowsPerLevel);
        var d = _core.Get<OrganisationDirectory>();
        Assert.Equal("武汉市", d.Superior("420102")!.Name);
        Assert.Equal(["420102", "420103"], d.Children("4201").Select(o => o.Code));
    }

    public static TheoryData<string, string, int, string> BadFiles() => new()
    {
        { "duplicate code", "420103,江汉区,4201,3", 8, "重复" },
        { "missing parent", "420104,硚口区,4209,3", 8, "不存在" },
        { "a cycle", "9901,甲,9902,1\n9902,乙,9901,2", 8, "成环" },
        { "wrong level", "420104,硚口区,4201,2", 8, "应为 3" },
        { "empty name", "420104,,4201,3", 8, "名称为空" },
        { "ragged row", "420104,硚口区,,,,,,党委,4201,3", 8, "行不齐" },
        { "BOM inside", "\uFEFF420104,硚口区,4201,3", 8, "BOM" },
        { "NUL byte", "420104,硚口\0区,4201,3", 8, "NUL" },
        { "1 MB field", "420104,{1MB},4201,3", 8, "超过" },
        { "level not a number", "420104,硚口区,4201,三", 8, "不是整数" },
        { "level outside the sector", "420104,硚口区,4201,9", 8, "不是板块 localities 的层级" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_row_refuses_the_whole_file_with_its_line_and_writes_nothing(string what, string badLines, int line, string reason)
    {
        Import(Csv(Base));
        var before = Count();
        // Line 7 is a good new row; the bad one follows at line 8: neither may be written.
        var path = Csv(Base + "420105,汉阳区,4201,3\n" + badLines.Replace("{1MB}", new string('长', 1 << 20)) + "\n", "bad.csv");
        var e = Assert.Throws<ImportRejectedException>(() => Import(path));
        Assert.True(e.Issues.Any(i => i.Line == line && i.Reason.Contains(reason, StringComparison.Ordinal)), $"{what}: {e.Message}");
        Assert.Contains($"第{line}行", e.Message);
        Assert.Contains("数据库未改动", e.Message);
        Assert.Equal(before, Count());
        Assert.Equal(0, Count("SELECT count(*) FROM organisation WHERE code = $code", "420105"));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Into_an_empty_table_a_bad_row_rolls_back_the_rows_written_while_reading(string what, string badLines, int line, string reason)
    {
        // An empty table takes the streaming path: rows are inserted while the next ones are read, so here the good
        // rows before the bad one have been written inside the transaction that the refusal rolls back.
        var path = Csv(Base + "420105,汉阳区,4201,3\n" + badLines.Replace("{1MB}", new string('长', 1 << 20)) + "\n", "bad.csv");
        var e = Assert.Throws<ImportRejectedException>(() => Import(path));
        Assert.True(e.Issues.Any(i => i.Line == line && i.Reason.Contains(reason, StringComparison.Ordinal)), $"{what}: {e.Message}");
        Assert.Equal(0, Count());
        Assert.Equal(0, Count("SELECT count(*) FROM organisation_import"));
        // The parent index dropped for the bulk insert is back: the rollback undid the DROP too.
        Assert.Equal(1, Count("SELECT count(*) FROM sqlite_master WHERE name = 'organisation_by_parent'"));
    }

    [Fact]
    public void A_file_that_stops_being_readable_half_way_writes_nothing()
    {
        // Valid UTF-8 for thousands of lines, then a GB18030 byte sequence: the reading thread fails after the writing
        // thread has inserted rows; the import must fail as a whole with the line named.
        var sb = new StringBuilder(Base);
        for (var i = 0; i < 5000; i++) sb.Append($"42010200{i + 1000:D4},社区{i},420102001,5\n");
        var path = _dir.File("half.csv");
        using (var f = File.Create(path))
        {
            f.Write(Encoding.UTF8.GetBytes(sb.ToString().ReplaceLineEndings("\n")));
            f.Write(ShuzhiKaohe.Core.Text.TextEncodings.Gb18030.GetBytes("4201029999,坏社区,420102001,5\n"));
        }
        var e = Assert.Throws<ShuzhiKaohe.Core.Common.InvalidInputException>(() =>
            Import(path, new OrganisationImportOptions(Encoding: ShuzhiKaohe.Core.Text.EncodingChoice.Utf8)));
        Assert.Contains("编码", e.Message);
        Assert.Equal(0, Count());
    }

    [Fact]
    public void Errors_list_the_first_fifty_in_line_order_and_the_total()
    {
        var bad = string.Concat(Enumerable.Range(0, 60).Select(i => $"9{i:D3},,42,2\n"));
        var e = Assert.Throws<ImportRejectedException>(() => Import(Csv(Base + bad)));
        Assert.Equal(60, e.Total);
        Assert.Equal(50, e.Issues.Count);
        Assert.Equal(Enumerable.Range(7, 50), e.Issues.Select(i => i.Line));
        Assert.Contains("共 60 处错误", e.Message);
    }

    [Fact]
    public void Damaged_text_is_repaired_and_counted()
    {
        var r = Import(Csv("""
            code,name,parent_code,level
            ４２, 湖北省 ,,１
            4201,武汉市,42,2
            420102,"江岸区(试点),,,,,,一区",4201,3
            420103,江汉区。。。。。,4201,3

            """));
        Assert.Equal(5, r.RepairedFields);
        var d = _core.Get<OrganisationDirectory>();
        Assert.Equal("湖北省", d.Get("42").Name);
        Assert.Equal("江岸区（试点），一区", d.Get("420102").Name);
        Assert.Equal("江汉区。", d.Get("420103").Name);
    }

    [Fact]
    public void Parents_may_come_after_their_children_in_the_file()
    {
        var r = Import(Csv("code,name,parent_code,level\n420102,江岸区,4201,3\n4201,武汉市,42,2\n42,湖北省,,1\n"));
        Assert.Equal(3, r.Inserted);
    }

    [Fact]
    public void A_dry_run_checks_everything_and_writes_nothing()
    {
        var r = Import(Csv(Base), new OrganisationImportOptions(DryRun: true));
        Assert.True(r.DryRun);
        Assert.Equal(5, r.Inserted);
        Assert.Equal(0, Count());
    }

    [Fact]
    public void Re_import_is_idempotent_updates_names_and_moves_and_dissolves_only_when_asked()
    {
        Import(Csv(Base));
        var again = Import(Csv(Base));
        Assert.Equal((0, 0, 5), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(5, Count("SELECT count(*) FROM organisation WHERE row_version = 1"));

        // 江汉区 renamed, 大智街道 moved under 江汉区, 江岸区 left out of the file.
        var changed = Csv("""
            code,name,parent_code,level
            42,湖北省,,1
            4201,武汉市,42,2
            420103,江汉区（新）,4201,3
            420102001,大智街道,420103,4

            """);
        var kept = Import(changed);
        Assert.Equal((2, 0), (kept.Updated, kept.Dissolved));
        Assert.Equal(0, Count("SELECT count(*) FROM organisation WHERE dissolved_on IS NOT NULL"));
        var d = _core.Get<OrganisationDirectory>();
        Assert.Equal("江汉区（新）", d.Get("420103").Name);
        Assert.Equal("420103", d.Get("420102001").ParentCode);

        var dissolved = Import(changed, new OrganisationImportOptions(DissolveMissing: true, AsOf: new DateOnly(2024, 1, 1)));
        Assert.Equal(1, dissolved.Dissolved);
        Assert.Equal(new DateOnly(2024, 1, 1), d.Get("420102").DissolvedOn);
        Assert.Equal(5, Count()); // never deleted
        Assert.DoesNotContain(d.DirectSubordinates("4201", 2025), o => o.Code == "420102");

        var back = Import(Csv(Base));
        Assert.Equal(1, back.Reactivated);
        Assert.Null(d.Get("420102").DissolvedOn);
    }

    [Fact]
    public void A_move_that_would_close_a_cycle_through_the_database_is_refused()
    {
        Import(Csv(Base));
        // 武汉市 under its own district 江岸区 (which stays under 武汉市 in the database).
        var e = Assert.Throws<ImportRejectedException>(() => Import(Csv("code,name,parent_code,level\n4201,武汉市,420102,4\n")));
        Assert.Contains("成环", e.Message);
    }

    [Fact]
    public void An_xlsx_workbook_is_imported_with_worksheet_row_numbers()
    {
        var path = _dir.File("orgs.xlsx");
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["code"] = 42, ["name"] = "湖北省", ["parent_code"] = "", ["level"] = 1 },
            new() { ["code"] = 4201, ["name"] = "武汉市", ["parent_code"] = 42, ["level"] = 2 },
            new() { ["code"] = 420102, ["name"] = "江岸区", ["parent_code"] = 4201, ["level"] = 3 },
        };
        MiniExcelLibs.MiniExcel.SaveAs(path, rows);
        var r = Import(path);
        Assert.Equal(("xlsx", 3), (r.Files[0].Format, r.Inserted));
        Assert.Equal("江岸区", _core.Get<OrganisationDirectory>().Get("420102").Name);

        rows.Add(new() { ["code"] = 420103, ["name"] = "", ["parent_code"] = 4201, ["level"] = 3 });
        var bad = _dir.File("bad.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(bad, rows);
        var e = Assert.Throws<ImportRejectedException>(() => Import(bad));
        Assert.Equal(5, e.Issues.Single().Line);
    }

    [Fact]
    public void Chinese_column_names_and_a_sector_column_are_understood()
    {
        var r = Import(Csv("代码,名称,上级代码,层级,板块,类型\n42,湖北省,,1,localities,committee\n4201,武汉市,42,2,localities,\n"));
        Assert.Equal(2, r.Inserted);
        var e = Assert.Throws<ImportRejectedException>(() => Import(Csv("code,name,parent_code,level,sector\n43,湖南省,,1,nosuch\n", "s.csv")));
        Assert.Contains("nosuch", e.Message);
    }

    public void Dispose()
    {
        _core.Dispose();
        _dir.Dispose();
    }
}
