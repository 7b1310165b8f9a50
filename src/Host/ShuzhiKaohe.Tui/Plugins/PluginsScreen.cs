using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Plugins;

/// <summary>Which sector plugins were loaded, and why a malfunctioned one was not (its whole reason below the list).</summary>
public sealed class PluginsScreen : Screen, IListFilter
{
    public const string ScreenId = "plugins";

    private readonly PluginsViewModel _model;
    private readonly Label _heading;
    private readonly ListView _plugins;
    private readonly Label _detail;
    private readonly ObservableCollection<string> _rows = [];
    private List<string> _shownIds = [];

    public PluginsScreen(ScreenContext context, PluginsViewModel model) : base(context)
    {
        _model = model;
        _heading = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        // No type-to-search: printable keys belong to the shell (? : /), and / is the filter.
        _plugins = new ListView { X = 2, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(3), KeystrokeNavigator = null };
        _plugins.SetSource(_rows);
        _plugins.ValueChanged += (_, _) => ShowDetail();
        _detail = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2 };
        // A malfunction reason is often longer than one line at 80 columns.
        _detail.TextFormatter.WordWrap = true;
        Add(_heading, _plugins, _detail);
    }

    public override string ScreenTitle => "插件";

    public override IListFilter Filter => this;

    string IListFilter.Text => _model.FilterText;

    void IListFilter.Apply(string text)
    {
        _model.ApplyFilter(text);
        ShowPlugins();
    }

    public override void OnShown() => Reload();

    protected override void DeclareKeys(KeyMap keys) => keys
        .Widget("↑ ↓ PgUp PgDn", "选择插件（下方显示故障原因）", Key.CursorUp, Key.CursorDown, Key.PageUp, Key.PageDown, Key.Home, Key.End)
        .On(Key.F5, "F5", "刷新：重新读取插件清单", Reload, inBar: true);

    private void Reload()
    {
        _model.Load();
        ShowPlugins();
    }

    /// <summary>Refills the list, keeping the selected plugin selected when it is still shown.</summary>
    private void ShowPlugins()
    {
        var selectedId = _plugins.SelectedItem is int i && i < _shownIds.Count ? _shownIds[i] : null;
        _shownIds = _model.Plugins.Select(p => p.Id).ToList();
        _rows.Clear();
        foreach (var p in _model.Plugins) _rows.Add(p.Line);
        if (_model.PluginCount == 0) _rows.Add("未找到插件：plugins/ 文件夹为空。");
        var keep = selectedId is null ? -1 : _shownIds.IndexOf(selectedId);
        _plugins.SelectedItem = _rows.Count == 0 ? null : Math.Max(keep, 0);
        _heading.Text = _model.PluginHeading;
        ShowDetail();
    }

    private void ShowDetail()
    {
        var row = _plugins.SelectedItem is int i && i < _model.Plugins.Count ? _model.Plugins[i] : null;
        _detail.Text = row?.Reason is { } reason ? $"原因：{reason}" : "";
    }
}

/// <summary>Registers the plugin list: the palette reaches it, and the home screen's <c>p</c> key.</summary>
public sealed class PluginsScreenRegistration : IScreenRegistration
{
    public ScreenEntry Entry { get; } = new(PluginsScreen.ScreenId, "插件", 40,
        ctx => new PluginsScreen(ctx, ActivatorUtilities.CreateInstance<PluginsViewModel>(ctx.Services)));
}
