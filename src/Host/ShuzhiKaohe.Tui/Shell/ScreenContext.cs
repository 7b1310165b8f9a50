using Terminal.Gui.App;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>What a screen is built with: the application, the Core services, the shell.</summary>
public sealed record ScreenContext(IApplication App, IServiceProvider Services, IScreenHost Host);
