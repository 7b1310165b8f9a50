using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Tui.Organisations;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Bundles;

/// <summary>
/// Reporting upward from the console (第八条): pick a campaign and Enter writes its signed bundle to the path
/// shown (editable); F4 imports the bundle file named below it from a lower level, verified against the keys this
/// level trusts. The bundles received are listed at the bottom; results and refusals show in the status line.
/// </summary>
public sealed class BundleScreen : Screen
{
    public const string ScreenId = "bundles";

    private readonly BundleViewModel _model;
    private readonly ListView _campaigns;
    private readonly TextField _out;
    private readonly TextField _in;
    private readonly Label _status;
    private readonly ListView _received;
    private readonly ObservableCollection<string> _campaignRows = [];
    private readonly ObservableCollection<string> _receivedRows = [];
    private IReadOnlyList<BundleCampaignChoice> _choices = [];

    public BundleScreen(ScreenContext context, BundleViewModel model) : base(context)
    {
        _model = model;
        var noHotKey = OrganisationImportScreen.NoHotKey;
        var campaignLabel = new Label { X = 0, Y = 0, Text = "考核：" };
        _campaigns = new ListView { X = 8, Y = 0, Width = Dim.Fill(), Height = 5, KeystrokeNavigator = null };
        _campaigns.SetSource(_campaignRows);
        _campaigns.ValueChanged += (_, _) => Refill();
        var outLabel = new Label { X = 0, Y = 5, Text = "导出到：" };
        _out = new TextField { X = 8, Y = 5, Width = Dim.Fill() };
        var inLabel = new Label { X = 0, Y = 6, Text = "导入：" };
        _in = new TextField { X = 8, Y = 6, Width = Dim.Fill() };
        _status = new Label { X = 0, Y = 7, Width = Dim.Fill(), Height = 1, HotKeySpecifier = noHotKey, Text = "Enter 导出所选考核的签名材料包；F4 导入下级报送的材料包" };
        var receivedLabel = new Label { X = 0, Y = 9, Text = "已接收的材料包：", HotKeySpecifier = noHotKey };
        _received = new ListView { X = 0, Y = 10, Width = Dim.Fill(), Height = Dim.Fill(), KeystrokeNavigator = null };
        _received.SetSource(_receivedRows);
        Add(campaignLabel, _campaigns, outLabel, _out, inLabel, _in, _status, receivedLabel, _received);
    }

    public override string ScreenTitle => "上报材料包";

    public string Status => _status.Text;

    public IReadOnlyList<string> ReceivedRows => _receivedRows;

    /// <summary>Chooses the campaign and the paths, as an operator would.</summary>
    public void Choose(long campaignId, string? exportPath = null, string? importPath = null)
    {
        _campaigns.SelectedItem = _choices.ToList().FindIndex(c => c.Id == campaignId);
        Refill();
        if (exportPath is not null) _out.Text = exportPath;
        if (importPath is not null) _in.Text = importPath;
    }

    public override void OnShown()
    {
        _choices = _model.Campaigns();
        Lists.Replace(_campaigns, _campaignRows, _choices.Select(c => c.Text));
        _campaigns.SelectedItem = _choices.Count > 0 ? 0 : null;
        Refill();
        ShowReceived();
        _campaigns.SetFocus();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .On(Key.Enter, "Enter", "导出签名材料包", Export, inBar: true)
        .On(Key.F4, "F4", "导入材料包", Import, inBar: true)
        .Widget("Tab Shift+Tab", "在考核、导出路径、导入路径、已接收列表之间切换", Key.Tab, Key.Tab.WithShift)
        .Widget("↑ ↓", "选择考核；滚动已接收的材料包", Key.CursorUp, Key.CursorDown)
        .Widget("← → Backspace", "在输入框中编辑（输入框中 ? : 按文字输入）", Key.CursorLeft, Key.CursorRight, Key.Backspace, Key.Delete);

    private BundleCampaignChoice? Campaign => _campaigns.SelectedItem is { } i && i >= 0 && i < _choices.Count ? _choices[i] : null;

    private void Refill()
    {
        if (Campaign is { } c) _out.Text = BundleViewModel.DefaultPath(c);
    }

    private void Export()
    {
        if (Campaign is not { } campaign)
        {
            Host.Error("没有可导出的考核（或没有权限）");
            return;
        }
        Run(() => _model.Export(campaign, _out.Text));
    }

    private void Import() => Run(() => _model.Import(_in.Text));

    /// <summary>Runs one export or import; a refusal (第八条: unsigned, altered, untrusted) shows where it happened.</summary>
    private void Run(Func<BundleOutcome> action)
    {
        BundleOutcome? outcome = null;
        Host.Guard(() => outcome = action());
        if (outcome is null)
        {
            _status.Text = "✗ 未完成";
            return;
        }
        _status.Text = outcome.Heading;
        Host.Info(string.Join("  ", outcome.Lines.Select(l => l.Trim())));
        ShowReceived();
    }

    private void ShowReceived()
    {
        var received = _model.Received();
        Lists.Replace(_received, _receivedRows, received.Count == 0 ? ["（尚未接收）"] : received);
    }
}

/// <summary>Registers the bundle screen: the <c>:</c> palette reaches it ("上报材料包", sbclb).</summary>
public sealed class BundleScreenRegistration : IScreenRegistration
{
    public ScreenEntry Entry { get; } = new(BundleScreen.ScreenId, "上报材料包", 81,
        ctx => new BundleScreen(ctx, ActivatorUtilities.CreateInstance<BundleViewModel>(ctx.Services)));
}
