using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Home;

/// <summary>The first screen: which database is open and which plugins were loaded (malfunctioned ones with why).</summary>
public sealed class HomeWindow : Window
{
    public static readonly IReadOnlyList<KeyHelp> Keys =
    [
        new("?", "帮助：本屏幕的按键"),
        new("Esc", "退出"),
        new("↑ ↓ PgUp PgDn", "滚动"),
    ];

    private readonly IApplication _app;

    public HomeWindow(IApplication app, HomeViewModel model)
    {
        _app = app;
        Title = $"述职考核 ShuzhiKaohe — 操作员 {model.Operator}";
        var lines = new List<string>();
        lines.AddRange(model.DatabaseLines());
        lines.Add("");
        lines.Add("板块插件：");
        lines.AddRange(model.PluginLines().Select(l => "  " + l));
        var body = new Label
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1),
            Text = string.Join("\n", lines),
        };
        var bar = new StatusBar([
            new Shortcut(Key.Esc, "退出", () => _app.RequestStop()),
            new Shortcut(Key.F1, "帮助 ?", ShowHelp),
        ]);
        Add(body, bar);
        KeyDown += (_, key) =>
        {
            if (key.AsRune.Value == '?') { ShowHelp(); key.Handled = true; }
        };
    }

    private void ShowHelp() =>
        MessageBox.Query(_app, "帮助 — 首页", string.Join("\n", Keys.Select(k => $"{k.Key,-14} {k.Action}")), "关闭");
}
