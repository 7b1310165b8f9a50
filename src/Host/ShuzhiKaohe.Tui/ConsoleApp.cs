using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Tui.Home;
using Terminal.Gui.App;

namespace ShuzhiKaohe.Tui;

/// <summary>Runs the operator console on the instance API of Terminal.Gui 2.5.</summary>
public static class ConsoleApp
{
    public static int Run(IServiceProvider services)
    {
        using IApplication app = Application.Create().Init();
        var settings = services.GetService<ConsoleSettings>();
        if (settings is { Mouse: false }) app.Mouse.IsMouseDisabled = true;
        // A dropped SSH session (SIGHUP) or a kill (SIGTERM) must leave the terminal restored.
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop(app));
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(app));
        var window = new HomeWindow(app, ActivatorUtilities.CreateInstance<HomeViewModel>(services));
        app.Run(window);
        window.Dispose();
        return 0;
    }

    private static Action<PosixSignalContext> Stop(IApplication app) => ctx =>
    {
        ctx.Cancel = true;
        app.Invoke(() => app.RequestStop());
    };
}
