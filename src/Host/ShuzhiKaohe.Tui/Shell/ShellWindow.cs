using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Common;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>
/// The console's one window: a stack of screens in the middle, a message line, and the key bar. Every key reaches
/// the current screen's <see cref="KeyMap"/> first, then the shell's own keys (? : / Esc), so what help lists is
/// exactly what is handled.
/// </summary>
public sealed partial class ShellWindow : Window, IScreenHost
{
    private readonly IApplication _app;
    private readonly ScreenRegistry _registry;
    private readonly ScreenContext _context;
    private readonly string _operator;
    private readonly List<(string? Id, Screen Screen)> _stack = [];
    private readonly View _content;
    private readonly Label _message;
    private StatusBar _bar;

    public ShellWindow(IApplication app, IServiceProvider services, ScreenRegistry registry)
    {
        _app = app;
        _registry = registry;
        _context = new ScreenContext(app, services, this);
        _operator = services.GetService<OperatorContext>()?.Name ?? Environment.UserName;
        _content = new View { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
        _message = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1, Text = "" };
        _filterLabel = new Label { X = 0, Y = Pos.AnchorEnd(2), Text = "筛选 /", Visible = false };
        _filterField = new TextField { X = Pos.Right(_filterLabel) + 1, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Visible = false };
        _filterField.TextChanged += (_, _) => FilterTextChanged();
        _bar = new StatusBar();
        Add(_content, _message, _filterLabel, _filterField, _bar);
        // Application-level, so the shell sees a key before the focused list does (a list would eat "?" as a search).
        _app.Keyboard.KeyDown += OnAppKeyDown;
        Open(ScreenRegistry.HomeId);
    }

    /// <summary>The screen on top of the stack.</summary>
    public Screen Current => _stack[^1].Screen;

    /// <summary>How many screens are open; 1 on the home screen.</summary>
    public int Depth => _stack.Count;

    /// <summary>The shell's own keys for the current screen (? : Esc, and / where the screen has a list filter).</summary>
    public KeyMap ShellKeys { get; private set; } = new();

    /// <summary>What the message line says now.</summary>
    public string Message => _message.Text;

    public void Open(string screenId)
    {
        var existing = _stack.FindIndex(s => s.Id == screenId);
        if (existing >= 0)
        {
            while (_stack.Count > existing + 1) PopTop();
            Show();
            return;
        }
        var entry = _registry.Get(screenId);
        PushWithId(entry.Id, entry.Create(_context));
    }

    public void Push(Screen screen) => PushWithId(null, screen);

    public void Back()
    {
        if (_stack.Count <= 1)
        {
            _app.RequestStop(this);
            return;
        }
        PopTop();
        Show();
    }

    /// <summary>
    /// Ends the console from anywhere (a signal, a palette action): every open dialog is stopped as well, or a
    /// SIGTERM that arrives while help is open would only close help.
    /// </summary>
    public void Quit()
    {
        foreach (var session in _app.SessionStack?.ToList() ?? [])
            if (session.Runnable is { } runnable)
                _app.RequestStop(runnable);
        _app.RequestStop(this);
    }

    public void Info(string message)
    {
        _message.SchemeName = null;
        _message.Text = message;
    }

    public void Error(string message)
    {
        _message.SchemeName = nameof(Schemes.Error);
        _message.Text = "✗ " + message;
    }

    public bool Confirm(string question, string actionLabel) =>
        ModalLoop.Around(() => MessageBox.Query(_app, "请确认", question, actionLabel, "取消")) == 0;

    public void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (ShuzhiException e)
        {
            Error(e.Message);
        }
        // The console must not die with the terminal in raw mode: anything unexpected is shown where it happened.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error(e.Message);
            ModalLoop.Around(() => MessageBox.ErrorQuery(_app, "出错了", $"{e.GetType().Name}：{e.Message}", "关闭"));
        }
    }

    private void PushWithId(string? id, Screen screen)
    {
        if (_stack.Count > 0) _content.Remove(Current);
        _stack.Add((id, screen));
        Show();
    }

    private void PopTop()
    {
        var top = Current;
        _stack.RemoveAt(_stack.Count - 1);
        _content.Remove(top);
        top.Dispose();
    }

    /// <summary>Puts the top screen in the content area and rebuilds everything that depends on it.</summary>
    private void Show()
    {
        var screen = Current;
        if (!_content.SubViews.Contains(screen))
        {
            foreach (var other in _content.SubViews.ToList()) _content.Remove(other);
            _content.Add(screen);
        }
        EndFilter();
        Title = $"述职考核 — {string.Join(" › ", _stack.Select(s => s.Screen.ScreenTitle))}　操作员 {_operator}";
        ShellKeys = BuildShellKeys(screen);
        RebuildBar(screen);
        Info("");
        screen.SetFocus();
        Guard(screen.OnShown);
        SetNeedsLayout();
        SetNeedsDraw();
    }

    private KeyMap BuildShellKeys(Screen screen)
    {
        var keys = new KeyMap()
            .On(new Key('?'), "?", "帮助：本屏幕的按键", ShowHelp, inBar: true)
            .On(new Key(':'), ":", "命令面板：按名称打开屏幕或执行操作", ShowPalette, inBar: true);
        if (screen.Filter is not null)
            keys.On(new Key('/'), "/", "筛选列表（Enter 确定，Esc 清除）", StartFilter, inBar: true);
        return keys.On(Key.Esc, "Esc", _stack.Count <= 1 ? "退出（先清除筛选）" : "返回上一屏幕（先清除筛选）", Escape, inBar: true);
    }

    private void RebuildBar(Screen screen)
    {
        var shortcuts = screen.Keys.Entries.Concat(ShellKeys.Entries)
            .Where(k => k is { InBar: true, Run: not null })
            .Select(k => new Shortcut(k.Keys[0], BarText(k), () => Guard(k.Run!)))
            .ToList();
        Remove(_bar);
        _bar.Dispose();
        _bar = new StatusBar(shortcuts);
        Add(_bar);
    }

    /// <summary>The bar is one line even at 80 columns: it shows the first words of an action only.</summary>
    private string BarText(ScreenKey key)
    {
        if (key.Keys[0] == Key.Esc) return _stack.Count <= 1 ? "退出" : "返回";
        var cut = key.Action.IndexOfAny(['：', '（']);
        return cut > 0 ? key.Action[..cut] : key.Action;
    }

    private void OnAppKeyDown(object? sender, Key key)
    {
        // A dialog on top (help, palette, confirmation) handles its own keys; Esc there closes the dialog only.
        if (key.Handled || !ReferenceEquals(_app.TopRunnableView, this) || _stack.Count == 0) return;
        if (_filterField.Visible)
        {
            FilterKey(key);
            return;
        }
        // In a form's text field a printable key is text (a path may hold ':' or '?'), not a shell command.
        if (IsText(key) && _app.Navigation?.GetFocused() is TextField) return;
        var entry = Current.Keys.Find(key) ?? ShellKeys.Find(key);
        if (entry?.Run is null) return;
        key.Handled = true;
        Guard(entry.Run);
    }

    private static bool IsText(Key key) => !key.IsCtrl && !key.IsAlt && key.AsRune.Value >= ' ' && key.AsRune.Value != 127;

    private void ShowHelp() =>
        HelpDialog.Show(_app, $"帮助 — {Current.ScreenTitle}", HelpText.For(Current, ShellKeys));

    private void ShowPalette()
    {
        var chosen = PaletteDialog.Choose(_app, PaletteItems());
        if (chosen is not null) Guard(chosen.Run);
    }

    /// <summary>Every screen, then the current screen's actions, then the shell's (except the palette itself).</summary>
    private List<PaletteItem> PaletteItems()
    {
        var items = _registry.Entries.Select(e => new PaletteItem(e.Name, "屏幕", () => Open(e.Id))).ToList();
        var screen = Current;
        items.AddRange(screen.Keys.Entries.Where(k => k.IsCommand)
            .Select(k => new PaletteItem(k.Action, $"{screen.ScreenTitle} · {k.Label}", k.Run!)));
        items.AddRange(ShellKeys.Entries.Where(k => k.IsCommand && k.Label != ":")
            .Select(k => new PaletteItem(k.Action, $"全局 · {k.Label}", k.Run!)));
        return items;
    }

    private void Escape()
    {
        if (Current.Filter is { Text.Length: > 0 } filter)
        {
            filter.Apply("");
            Info("");
            return;
        }
        Back();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnAppKeyDown;
            // Covered screens are not in the view tree, so the tree does not dispose them.
            foreach (var (_, screen) in _stack.Take(_stack.Count - 1)) screen.Dispose();
        }
        base.Dispose(disposing);
    }
}
