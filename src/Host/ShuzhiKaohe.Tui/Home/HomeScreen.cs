using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Tui.Campaigns;
using ShuzhiKaohe.Tui.Organisations;
using ShuzhiKaohe.Tui.Plugins;
using ShuzhiKaohe.Tui.Rectification;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Home;

/// <summary>The first screen: the database, and the campaigns the operator may see with what is next; Enter opens one.</summary>
public sealed class HomeScreen : Screen, IListFilter
{
    private readonly HomeViewModel _model;
    private readonly Label _database;
    private readonly Label _heading;
    private readonly ListView _campaigns;
    private readonly ObservableCollection<string> _rows;

    public HomeScreen(ScreenContext context, HomeViewModel model) : base(context)
    {
        _model = model;
        _database = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 2 };
        _heading = new Label { X = 0, Y = 3, Width = Dim.Fill(), Height = 1 };
        (_campaigns, _rows) = Lists.Create();
        _campaigns.X = 1;
        _campaigns.Y = 4;
        _campaigns.Width = Dim.Fill();
        _campaigns.Height = Dim.Fill();
        Add(_database, _heading, _campaigns);
    }

    public override string ScreenTitle => "首页";

    public override IListFilter Filter => this;

    internal HomeViewModel Model => _model;

    string IListFilter.Text => _model.FilterText;

    void IListFilter.Apply(string text)
    {
        _model.ApplyFilter(text);
        ShowCampaigns();
    }

    public override void OnShown() => Reload();

    protected override void DeclareKeys(KeyMap keys) => keys
        .Widget("↑ ↓ PgUp PgDn", "选择考核", Lists.MoveKeys)
        .On(Key.Enter, "Enter", "打开：打开所选考核", OpenCampaign, inBar: true)
        .On(new Key('n'), "n", "新建考核：组织者、年度、比例（第三、十条）", NewCampaign)
        .On(new Key('o'), "o", "党组织：浏览组织树、查找、导入", () => Host.Open(OrganisationsScreen.ScreenId), inBar: true)
        .On(new Key('r'), "r", "整改清单：全部考核的整改事项", () => Host.Open("rectification"))
        .On(new Key('p'), "p", "插件：已加载的板块插件和故障原因", () => Host.Open(PluginsScreen.ScreenId))
        .On(new Key('d'), "d", "示例数据：在空数据库上建立示例（湖北省和各阶段考核）", BuildDemo)
        .On(Key.F5, "F5", "刷新：重新检查数据库和考核", Reload);

    private void Reload()
    {
        _model.Load();
        _database.Text = string.Join("\n", _model.DatabaseLines);
        ShowCampaigns();
    }

    private void ShowCampaigns()
    {
        _heading.Text = _model.Heading;
        Lists.Fill(_campaigns, _rows, _model.Rows, _model.EmptyText);
        SetNeedsDraw();
    }

    private void OpenCampaign()
    {
        if (Lists.Selected(_campaigns, _model.Campaigns.Count) is not int i) return;
        Host.Push(new CampaignScreen(Context, _model.Campaigns[i].Campaign.Id));
    }

    private void NewCampaign()
    {
        var answer = FormDialog.Ask(Context.App, "新建考核",
            [new FormField("组织者代码"), new FormField("年度", HomeViewModel.DefaultYear(DateTime.Today).ToString()), new FormField("较好及以下最低比例", "0.3")],
            "第三条：上级党委（党组）考核下一级党组织书记；名单默认为组织者的直接下级，可在考核页增删");
        if (answer is null) return;
        (long Id, IReadOnlyList<string> Warnings)? created = null;
        Host.Guard(() => created = _model.CreateCampaign(answer[0], answer[1], answer[2]));
        ShowCampaigns();
        if (created is not { } c) return;
        Host.Info(c.Warnings.Count == 0 ? $"已新建考核 {c.Id}" : string.Join("；", c.Warnings));
        Host.Push(new CampaignScreen(Context, c.Id));
    }

    private void BuildDemo()
    {
        if (!_model.IsEmpty)
        {
            Host.Error("数据库中已有党组织：示例数据只能建在空数据库上");
            return;
        }
        if (!Host.Confirm("在本数据库中建立示例数据（约 1,700 个党组织和 4 个考核）吗？", "建立")) return;
        var done = _model.BuildDemo();
        ShowCampaigns();
        Host.Info(done);
    }
}

/// <summary>Registers the home screen; its view model comes from the Core services.</summary>
public sealed class HomeScreenRegistration : IScreenRegistration
{
    public ScreenEntry Entry { get; } = new(ScreenRegistry.HomeId, "首页", 0,
        ctx => new HomeScreen(ctx, ActivatorUtilities.CreateInstance<HomeViewModel>(ctx.Services)));
}
