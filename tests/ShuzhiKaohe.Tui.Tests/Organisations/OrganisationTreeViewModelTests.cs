using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Organisations.Secretaries;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Organisations;

namespace ShuzhiKaohe.Tui.Tests.Organisations;

public sealed class OrganisationTreeViewModelTests : IDisposable
{
    private readonly CoreHarness _core = new();
    private readonly TempDir _dir = new("treevm");
    private readonly OrganisationTreeViewModel _vm;

    public OrganisationTreeViewModelTests()
    {
        var orgs = _dir.File("orgs.csv");
        File.WriteAllText(orgs, """
            code,name,parent_code,level
            11,北京市,,1
            1101,市辖区,11,2
            110101,东城区,1101,3
            42,湖北省,,1
            4201,武汉市,42,2
            420102,江岸区,4201,3
            420103,江汉区,4201,3
            420102002,大智街道,420102,4

            """.ReplaceLineEndings("\n"));
        _core.Get<OrganisationImporter>().Import([orgs], new OrganisationImportOptions());
        var secretaries = _dir.File("s.csv");
        File.WriteAllText(secretaries, "org_code,name,start_on\n420102,张三,2020-01-01\n420102,李四,2024-07-01\n");
        _core.Get<SecretaryImporter>().Import(secretaries, new SecretaryImportOptions());
        _vm = new OrganisationTreeViewModel(_core.Get<OrganisationDirectory>(), _core.Get<OrganisationSearch>(), _core.Get<SectorRegistry>(), _core.Get<Authorizer>());
    }

    [Fact]
    public void Children_are_read_only_when_a_node_is_expanded()
    {
        var roots = _vm.Roots();
        Assert.Equal(["11", "42"], roots.Select(r => r.Code));
        Assert.Equal(2, _vm.LoadedNodeCount);
        var hubei = roots[1];
        Assert.True(hubei.CanExpand);
        var wuhan = Assert.Single(_vm.Children(hubei));
        Assert.Equal(["420102", "420103"], _vm.Children(wuhan).Select(n => n.Code));
        Assert.False(_vm.Children(wuhan)[1].CanExpand);
        Assert.Equal(5, _vm.LoadedNodeCount);
        Assert.Same(_vm.Children(wuhan), _vm.Children(wuhan)); // read once
    }

    [Fact]
    public void A_search_hit_can_be_revealed_in_the_tree()
    {
        var hit = Assert.Single(_vm.Search("江岸"));
        Assert.Equal("420102", hit.Code);
        Assert.Contains("湖北省 / 武汉市 / 江岸区", hit.Text);
        Assert.Equal(["42", "4201", "420102"], _vm.Reveal(hit.Code).Select(n => n.Code));
        Assert.Empty(_vm.Search("  "));
    }

    [Fact]
    public void Details_show_path_superior_secretary_sector_and_level()
    {
        var d = _vm.Details("420102", 2024);
        var lines = d.Lines.ToDictionary(l => l.Label, l => l.Value);
        Assert.Equal("江岸区", d.Title);
        Assert.Equal("湖北省 / 武汉市 / 江岸区", lines["路径"]);
        Assert.Equal("4201 武汉市", lines["上一级党组织"]);
        Assert.StartsWith("李四", lines["书记（2024年）"]);
        Assert.Contains("年内更换，另有 张三", lines["书记（2024年）"]);
        Assert.Equal("地方（localities）", lines["板块"]);
        Assert.StartsWith("3 县", lines["层级"]);
        Assert.Equal("1 个", lines["下级"]);
    }

    [Fact]
    public void A_district_under_a_grouping_shows_its_municipal_committee_as_superior()
    {
        Assert.Equal("11 北京市", _vm.Details("110101", 2024).Lines.Single(l => l.Label == "上一级党组织").Value);
        Assert.Contains(_vm.Details("1101", 2024).Lines, l => l.Label == "说明");
    }

    [Fact]
    public void A_scoped_operator_gets_the_tops_of_their_grants_as_roots_and_nothing_outside()
    {
        var admin = _core.Get<OperatorAdmin>();
        admin.Add("bob");
        admin.Grant("bob", "reader", "4201", null);
        admin.Grant("bob", "reader", "420102", null);
        using var bob = new CoreHarness(_core.DatabasePath, operatorName: "bob");
        var vm = new OrganisationTreeViewModel(bob.Get<OrganisationDirectory>(), bob.Get<OrganisationSearch>(), bob.Get<SectorRegistry>(), bob.Get<Authorizer>());

        Assert.False(vm.SeesWholeTree);
        Assert.Equal(["4201"], vm.Roots().Select(r => r.Code));
        Assert.Equal(["4201", "420102", "420102002"], vm.Reveal("420102002").Select(n => n.Code));
        Assert.Empty(vm.Reveal("110101"));
        Assert.Empty(vm.Search("东城"));
        Assert.Single(vm.Search("江汉"));
    }

    public void Dispose()
    {
        _core.Dispose();
        _dir.Dispose();
    }
}
