using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace ShuzhiKaohe.Tui;

/// <summary>Runs the operator console on the instance API of Terminal.Gui 2.5.</summary>
public static class ConsoleApp
{
    public static int Run(IServiceProvider services)
    {
        using IApplication app = Application.Create().Init();
        Apply(app, services.GetService<ConsoleSettings>());
        using var shell = new ShellWindow(app, services, ScreenRegistry.ForConsole());
        // A dropped SSH session (SIGHUP) or a kill (SIGTERM) must leave the terminal restored: stop the loop
        // instead of dying, so Terminal.Gui leaves the alternate screen and turns mouse tracking off.
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop(app, shell));
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(app, shell));
        app.Run(shell);
        return 0;
    }

    /// <summary>Console:Mouse=false turns mouse capture off, so plain terminal text selection works over SSH.</summary>
    public static void Apply(IApplication app, ConsoleSettings? settings)
    {
        if (settings is not { Mouse: false }) return;
        app.Mouse.IsMouseDisabled = true;
        // IsMouseDisabled only makes the application ignore mouse events: the driver has already asked the
        // terminal for any-motion tracking, which is what steals text selection. Ask the terminal to stop.
        app.Driver?.WriteRaw(EscSeqUtils.CSI_DisableMouseEvents);
    }

    private static Action<PosixSignalContext> Stop(IApplication app, ShellWindow shell) => ctx =>
    {
        ctx.Cancel = true;
        app.Invoke(shell.Quit);
    };
}
