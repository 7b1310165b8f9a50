using System.Text.Json;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary><c>shuzhi org …</c> and <c>shuzhi person …</c> through the real executable, as admins script them.</summary>
public sealed class OrgVerbTests : IDisposable
{
    private readonly TempDir _dir = new("orgverbs");
    private ShuzhiProcess Shuzhi => new(_dir.Path);
    private string Db => _dir.File("o.db");
    private static string Demo => Path.Combine(RepoPaths.HostOutput, "demo", "divisions-hubei.csv");

    [Fact]
    public void Import_of_the_demo_province_prints_a_json_summary()
    {
        var r = Shuzhi.Run("org", "import", Demo, "--db", Db, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var j = r.Json();
        Assert.True(j.GetProperty("inserted").GetInt32() > 1000);
        Assert.Equal(1, j.GetProperty("rows_per_level").GetProperty("1").GetInt32());
        Assert.Equal("utf-8", j.GetProperty("files")[0].GetProperty("encoding").GetString());
        Assert.Equal("", r.Stderr); // no progress bar when the output is JSON
    }

    [Fact]
    public void Show_list_and_find_answer_in_json_with_the_documented_fields()
    {
        Assert.Equal(0, Shuzhi.Run("org", "import", Demo, "--db", Db).ExitCode);

        var show = Shuzhi.Run("org", "show", "420102", "--db", Db, "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        var s = show.Json();
        Assert.Equal("江岸区", s.GetProperty("name").GetString());
        Assert.Equal(3, s.GetProperty("level").GetInt32());
        Assert.Equal("localities", s.GetProperty("sector").GetString());
        Assert.Equal(["湖北省", "武汉市", "江岸区"], s.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("4201", s.GetProperty("superior").GetProperty("code").GetString());
        Assert.True(s.GetProperty("children").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, s.GetProperty("secretary").ValueKind);

        var list = Shuzhi.Run("org", "list", "--under", "4201", "--db", Db, "--json");
        var items = list.Json().EnumerateArray().ToList();
        Assert.Contains(items, o => o.GetProperty("code").GetString() == "420102" && o.GetProperty("parent_code").GetString() == "4201"
                                    && o.GetProperty("level").GetInt32() == 3 && o.GetProperty("sector").GetString() == "localities");

        var find = Shuzhi.Run("org", "find", "江岸", "--db", Db, "--json");
        Assert.Contains(find.Json().EnumerateArray(), o => o.GetProperty("code").GetString() == "420102");

        Assert.Equal(3, Shuzhi.Run("org", "show", "999999", "--db", Db).ExitCode);
    }

    [Fact]
    public void A_bad_file_exits_1_naming_the_line_and_json_lists_the_errors()
    {
        var bad = _dir.File("bad.csv");
        File.WriteAllText(bad, "code,name,parent_code,level\n42,湖北省,,1\n4201,,42,2\n");
        var r = Shuzhi.Run("org", "import", bad, "--db", Db, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("第3行", r.Stderr);
        var j = r.Json();
        Assert.True(j.GetProperty("rejected").GetBoolean());
        Assert.Equal(3, j.GetProperty("errors")[0].GetProperty("line").GetInt32());
        var count = Shuzhi.Run("org", "list", "--db", Db, "--json");
        Assert.Empty(count.Json().EnumerateArray());
    }

    [Fact]
    public void Secretaries_are_imported_and_listed_and_a_mid_year_change_is_warned()
    {
        Assert.Equal(0, Shuzhi.Run("org", "import", Demo, "--db", Db).ExitCode);
        var f = _dir.File("s.csv");
        File.WriteAllText(f, "org_code,name,start_on,end_on\n4201,张三,2020-01-01,2024-07-01\n4201,李四,2024-07-01,\n");
        var r = Shuzhi.Run("person", "import", f, "--db", Db, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(2024, r.Json().GetProperty("mid_year_changes")[0].GetProperty("year").GetInt32());
        Assert.Contains("更换书记", r.Stderr);
        var list = Shuzhi.Run("person", "list", "--org", "4201", "--db", Db, "--json");
        Assert.Equal(["张三", "李四"], list.Json().EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var show = Shuzhi.Run("org", "show", "4201", "--year", "2024", "--db", Db, "--json");
        Assert.True(show.Json().GetProperty("mid_year_change").GetBoolean());
        Assert.Equal("李四", show.Json().GetProperty("secretary").GetProperty("name").GetString());
    }

    public void Dispose() => _dir.Dispose();
}
