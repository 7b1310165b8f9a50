using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace ConsoleBench;

/// <summary>
/// The real shell with the real Core services on a database, headless on Terminal.Gui's ANSI driver at 120x40 with
/// virtual time: what `shuzhi` shows, minus the terminal. One per process; the walks run in it one after another,
/// as an operator's session would.
/// </summary>
internal sealed class BenchConsole : IDisposable
{
    private readonly SessionToken? _session;

    public BenchConsole(string dbPath)
    {
        Core = new CoreHarness(dbPath, operatorName: Environment.UserName);
        App = Application.Create(new VirtualTimeProvider());
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(120, 40);
        Shell = new ShellWindow(App, Core.Services, ScreenRegistry.ForConsole());
        Context = new ScreenContext(App, Core.Services, Shell);
        _session = App.Begin(Shell);
        App.LayoutAndDraw();
    }

    public CoreHarness Core { get; }
    public IApplication App { get; }
    public ShellWindow Shell { get; }
    public ScreenContext Context { get; }

    public KeyTimer NewTimer() => new(App, () => ReferenceEquals(App.TopRunnableView, Shell));

    /// <summary>The screen as the terminal shows it.</summary>
    public string Text => App.Driver!.ToString() ?? "";

    public void Dispose()
    {
        if (_session is not null) App.End(_session);
        Shell.Dispose();
        App.Dispose();
        Core.Dispose();
    }
}
