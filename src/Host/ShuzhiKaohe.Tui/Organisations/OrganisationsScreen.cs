using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Organisations;

/// <summary>
/// 第三条's tree of Party organisations: a lazy tree (a node's children are read when it is expanded), <c>/</c> to
/// find by name or code and jump to the hit, and the details of the selected organisation beside it.
/// </summary>
public sealed class OrganisationsScreen : Screen, IListFilter
{
    public const string ScreenId = "organisations";

    private readonly OrganisationTreeViewModel _model;
    private readonly TreeView<OrganisationNode> _tree;
    private readonly ListView _hits;
    private readonly FrameView _detailFrame;
    private readonly Label _detail;
    private readonly ObservableCollection<string> _hitRows = [];
    private IReadOnlyList<(string Code, string Text)> _hitList = [];
    private string _filter = "";
    private bool _loaded;

    public OrganisationsScreen(ScreenContext context, OrganisationTreeViewModel model) : base(context)
    {
        _model = model;
        _tree = new TreeView<OrganisationNode>(new DelegateTreeBuilder<OrganisationNode>(_model.Children, n => n.CanExpand))
        {
            X = 0, Y = 0, Width = Dim.Percent(55), Height = Dim.Fill(),
            // Printable keys belong to the shell (? : /), and / is the search.
            AllowLetterBasedNavigation = false,
        };
        BindTreeKeys(_tree);
        _tree.SelectionChanged += (_, _) => ShowDetail();
        _hits = new ListView { X = 0, Y = 0, Width = Dim.Percent(55), Height = Dim.Fill(), KeystrokeNavigator = null, Visible = false };
        _hits.SetSource(_hitRows);
        _detailFrame = new FrameView { X = Pos.Right(_tree), Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), Title = "详情" };
        _detail = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), HotKeySpecifier = OrganisationImportScreen.NoHotKey };
        _detail.TextFormatter.WordWrap = true;
        _detailFrame.Add(_detail);
        Add(_tree, _hits, _detailFrame);
    }

    public override string ScreenTitle => "党组织";

    public override IListFilter Filter => this;

    internal OrganisationTreeViewModel Model => _model;

    /// <summary>How many organisations the tree has read so far (it is lazy: a small part of the database).</summary>
    public int LoadedOrganisations => _model.LoadedNodeCount;

    /// <summary>The organisation selected in the tree, if any.</summary>
    public OrganisationNode? Selected => _tree.SelectedObject;

    /// <summary>Whether the search hits are shown in place of the tree.</summary>
    public bool ShowingHits => _hits.Visible;

    string IListFilter.Text => _filter;

    /// <summary>Searches as the operator types: the hits (with their paths) take the tree's place until one is chosen.</summary>
    void IListFilter.Apply(string text)
    {
        _filter = text.Trim();
        _hitList = _filter.Length == 0 ? [] : _model.Search(_filter);
        Lists.Replace(_hits, _hitRows, _filter.Length > 0 && _hitList.Count == 0
            ? [$"（没有名称或代码含“{_filter}”的组织）"]
            : _hitList.Select(h => h.Text));
        var searching = _filter.Length > 0;
        _hits.Visible = searching;
        _tree.Visible = !searching;
        _detailFrame.X = searching ? Pos.Right(_hits) : Pos.Right(_tree);
        if (searching)
        {
            _hits.SelectedItem = 0;
            Host.Info($"查找“{_filter}”：{_hitList.Count} 个结果（Enter 定位，Esc 返回组织树）");
        }
        SetNeedsLayout();
    }

    public override void OnShown()
    {
        // Back from the import screen the tree may have changed: read it again, keeping the selection.
        var keep = _tree.SelectedObject?.Code;
        if (_loaded) _model.Reset();
        _loaded = true;
        _tree.ClearObjects();
        var roots = _model.Roots();
        _tree.AddObjects(roots);
        if (keep is not null) Reveal(keep);
        else if (roots.Count > 0) _tree.GoToFirst();
        if (roots.Count == 0)
            Host.Info(_model.SeesWholeTree ? "数据库中还没有党组织：按 F2 从文件导入" : "您的授权范围内没有党组织");
        ShowDetail();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .Widget("↑ ↓ PgUp PgDn", "选择组织（右侧显示详情）", Key.CursorUp, Key.CursorDown, Key.PageUp, Key.PageDown, Key.Home, Key.End)
        .Widget("→ ←", "展开 / 收起下级组织", Key.CursorRight, Key.CursorLeft)
        .On(Key.Enter, "Enter", "展开或收起；在查找结果中：定位到该组织", Enter)
        .On(Key.F2, "F2", "导入：从文件导入党组织", () => Host.Push(new OrganisationImportScreen(Context,
            ActivatorUtilities.CreateInstance<OrganisationImportViewModel>(Context.Services))), inBar: true)
        .On(Key.F5, "F5", "刷新：重新读取组织树", OnShown, inBar: true);

    private void Enter()
    {
        if (_hits.Visible)
        {
            if (_hits.SelectedItem is not int i || i >= _hitList.Count) return;
            var code = _hitList[i].Code;
            ((IListFilter)this).Apply("");
            Reveal(code);
            _tree.SetFocus();
            if (_tree.SelectedObject is { } found) Host.Info($"已定位：{found}");
            return;
        }
        if (_tree.SelectedObject is not { CanExpand: true } node) return;
        if (_tree.IsExpanded(node)) _tree.Collapse(node);
        else _tree.Expand(node);
    }

    /// <summary>Expands the tree down to the organisation and selects it.</summary>
    private void Reveal(string code)
    {
        var path = _model.Reveal(code);
        if (path.Count == 0)
        {
            Host.Error($"组织 {code} 不在您的组织树中");
            return;
        }
        foreach (var node in path.SkipLast(1)) _tree.Expand(node);
        _tree.GoTo(path[^1]);
        _tree.EnsureVisible(path[^1]);
    }

    private void ShowDetail()
    {
        if (_tree.SelectedObject is not { } node)
        {
            _detailFrame.Title = "详情";
            _detail.Text = "";
            return;
        }
        var d = _model.Details(node.Code, _model.Year);
        _detailFrame.Title = d.Title;
        _detail.Text = string.Join("\n", d.Lines.Select(l => $"{l.Label}：{l.Value}"));
    }

    /// <summary>
    /// Only the keys this screen declares: no expand-all (it would read the whole tree), no letter navigation, no
    /// multi-select.
    /// </summary>
    private static void BindTreeKeys(TreeView<OrganisationNode> tree)
    {
        tree.KeyBindings.Clear();
        tree.KeyBindings.Add(Key.CursorUp, Command.Up);
        tree.KeyBindings.Add(Key.CursorDown, Command.Down);
        tree.KeyBindings.Add(Key.PageUp, Command.PageUp);
        tree.KeyBindings.Add(Key.PageDown, Command.PageDown);
        tree.KeyBindings.Add(Key.Home, Command.Start);
        tree.KeyBindings.Add(Key.End, Command.End);
        tree.KeyBindings.Add(Key.CursorRight, Command.Expand);
        tree.KeyBindings.Add(Key.CursorLeft, Command.Collapse);
    }
}

/// <summary>Registers the organisation browser: the palette reaches it, and the home screen's <c>o</c> key.</summary>
public sealed class OrganisationsScreenRegistration : IScreenRegistration
{
    public ScreenEntry Entry { get; } = new(OrganisationsScreen.ScreenId, "党组织", 10,
        ctx => new OrganisationsScreen(ctx, ActivatorUtilities.CreateInstance<OrganisationTreeViewModel>(ctx.Services)));
}
