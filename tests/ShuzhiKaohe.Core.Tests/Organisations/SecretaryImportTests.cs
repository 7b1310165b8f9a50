using System.Text;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Organisations.Secretaries;
using ShuzhiKaohe.Core.Text.Import;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Organisations;

public sealed class SecretaryImportTests : IDisposable
{
    private readonly CoreHarness _core = new();
    private readonly TempDir _dir = new("sec");

    public SecretaryImportTests()
    {
        var orgs = _dir.File("orgs.csv");
        File.WriteAllText(orgs, OrganisationImportTests.Base.ReplaceLineEndings("\n"));
        _core.Get<OrganisationImporter>().Import([orgs], new OrganisationImportOptions());
    }

    private SecretaryImportResult Import(string csv, string name = "s.csv")
    {
        var path = _dir.File(name);
        File.WriteAllText(path, csv.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        return _core.Get<SecretaryImporter>().Import(path, new SecretaryImportOptions());
    }

    [Fact]
    public void A_mid_year_change_keeps_both_secretaries_and_is_flagged()
    {
        Import("org_code,name,start_on\n4201,张三,2020-01-01\n");
        var change = Import("组织代码,姓名,任职日期\n4201,李四,2023年7月1日\n", "s2.csv");
        Assert.Equal(1, change.TermsClosed); // 张三's open term ends when 李四 starts
        var flagged = Assert.Single(change.MidYearChanges);
        Assert.Equal(("4201", 2023), (flagged.OrgCode, flagged.Year));
        Assert.Equal(["张三", "李四"], flagged.Names);

        var d = _core.Get<OrganisationDirectory>();
        var y2023 = d.SecretaryFor("4201", 2023);
        Assert.Equal("李四", y2023.Holder!.PersonName);
        Assert.True(y2023.MidYearChange);
        Assert.Equal("张三", Assert.Single(y2023.Others).PersonName);
        var y2022 = d.SecretaryFor("4201", 2022);
        Assert.Equal("张三", y2022.Holder!.PersonName);
        Assert.False(y2022.MidYearChange);
        Assert.Equal(["张三", "李四"], _core.Get<SecretaryList>().Terms("4201").Select(t => t.PersonName));
    }

    [Fact]
    public void Importing_the_same_file_again_changes_nothing()
    {
        const string csv = "org_code,name,start_on,end_on,external_key\n4201,张三,2020-01-01,2023-07-01,P001\n4201,李四,2023-07-01,,P002\n";
        var first = Import(csv);
        Assert.Equal((2, 2), (first.PeopleAdded, first.TermsAdded));
        var again = Import(csv);
        Assert.Equal((0, 0, 2), (again.PeopleAdded, again.TermsAdded, again.TermsUnchanged));
    }

    [Fact]
    public void Overlapping_terms_and_unknown_organisations_are_refused_with_their_lines()
    {
        Import("org_code,name,start_on,end_on\n4201,张三,2020-01-01,2023-07-01\n");
        var e = Assert.Throws<ImportRejectedException>(() =>
            Import("org_code,name,start_on,end_on\n4201,王五,2021-01-01,2022-01-01\n9999,赵六,2021-01-01,\n", "bad.csv"));
        Assert.Contains(e.Issues, i => i.Line == 2 && i.Reason.Contains("重叠", StringComparison.Ordinal));
        Assert.Contains(e.Issues, i => i.Line == 3 && i.Reason.Contains("不存在", StringComparison.Ordinal));
        Assert.Single(_core.Get<SecretaryList>().Terms("4201"));
    }

    public void Dispose()
    {
        _core.Dispose();
        _dir.Dispose();
    }
}
