using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>
/// The real console shell on Terminal.Gui's own ANSI driver, with virtual time and injected keys: no terminal
/// needed. Each test has its own application, database and shell, so tests run in parallel.
/// </summary>
internal sealed class ConsoleHarness : IDisposable
{
    // A nested loop iteration costs real time even with virtual time: keep the give-up point small.
    private const int MaxModalIterations = 40;
    private readonly SessionToken? _session;

    public ConsoleHarness(int width = 80, int height = 24, IEnumerable<string>? pluginPaths = null,
        IEnumerable<ScreenEntry>? extraScreens = null, bool begin = true)
    {
        Core = new CoreHarness(pluginPaths: pluginPaths);
        App = Application.Create(new VirtualTimeProvider());
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Registry = new ScreenRegistry(ScreenRegistry.Discover(typeof(ShellWindow).Assembly).Concat(extraScreens ?? []));
        Shell = new ShellWindow(App, Core.Services, Registry);
        if (begin)
        {
            _session = App.Begin(Shell);
            App.LayoutAndDraw();
        }
    }

    public CoreHarness Core { get; }
    public IApplication App { get; }
    public ScreenRegistry Registry { get; }
    public ShellWindow Shell { get; }

    /// <summary>The screen as the terminal would show it, one string per row.</summary>
    public string[] Rows
    {
        get
        {
            App.LayoutAndDraw();
            return App.Driver!.ToString()!.Replace("\r", "").TrimEnd('\n').Split('\n');
        }
    }

    public string Text => string.Join("\n", Rows);

    public void Press(params Key[] keys)
    {
        foreach (var k in keys) App.InjectKey(k);
        App.LayoutAndDraw();
    }

    public void Type(string text) => Press(text.Select(c => new Key(c)).ToArray());

    /// <summary>
    /// Presses <paramref name="open"/>, which runs a modal dialog in a nested loop; from that loop's first
    /// iteration captures the screen, then presses <paramref name="inside"/> (which must close the dialog).
    /// Returns the screen as it was with the dialog open.
    /// </summary>
    public string InDialog(Key open, params Key[] inside) =>
        InDialog(open, () => Press(inside), string.Join(' ', inside));

    /// <summary>
    /// Presses <paramref name="open"/> and runs <paramref name="inside"/> in the dialog's nested loop (it may press
    /// keys and read <see cref="Text"/>, and must close the dialog). Returns the screen as the dialog first showed.
    /// </summary>
    public string InDialog(Key open, Action inside, string? what = null)
    {
        string? captured = null;
        var iterations = 0;
        void OnIteration(object? sender, EventArgs e)
        {
            if (ReferenceEquals(App.TopRunnableView, Shell)) return;
            if (captured is null)
            {
                App.LayoutAndDraw();
                captured = App.Driver!.ToString();
                inside();
            }
            else if (++iterations > MaxModalIterations)
            {
                App.RequestStop();
            }
        }
        App.Iteration += OnIteration;
        try
        {
            App.InjectKey(open);
        }
        finally
        {
            App.Iteration -= OnIteration;
        }
        App.LayoutAndDraw();
        Assert.True(captured is not null, $"{open} opened no dialog");
        Assert.True(iterations <= MaxModalIterations, $"the dialog opened by {open} was not closed by {what ?? "the script"}");
        Assert.Same(Shell, App.TopRunnableView);
        return captured!.Replace("\r", "");
    }

    /// <summary>
    /// Runs the shell as the real console does (<c>app.Run</c>), doing one step per main-loop iteration — of whichever
    /// loop is current, so a step after one that opened a dialog runs inside the dialog. Returns whether Run ended
    /// (the console quit) within a few iterations after the last step.
    /// </summary>
    public bool RunSteps(params Action[] steps)
    {
        var next = 0;
        var idle = 0;
        var gaveUp = false;
        void OnIteration(object? sender, EventArgs e)
        {
            if (next < steps.Length) steps[next++]();
            else if (++idle > MaxModalIterations) { gaveUp = true; App.RequestStop(); }
        }
        App.Iteration += OnIteration;
        try
        {
            App.Run(Shell);
        }
        finally
        {
            App.Iteration -= OnIteration;
        }
        return !gaveUp && next == steps.Length;
    }

    public Action Key(Key key) => () => App.InjectKey(key);

    public void Dispose()
    {
        if (_session is not null) App.End(_session);
        Shell.Dispose();
        App.Dispose();
        Core.Dispose();
    }
}
