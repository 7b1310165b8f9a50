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
    /// <summary>The exit code after the terminal hung up: 128 + SIGHUP, as a shell reports a process ended by it.</summary>
    public const int HangupExitCode = 129;

    public static int Run(IServiceProvider services)
    {
        using IApplication app = Application.Create().Init();
        Apply(app, services.GetService<ConsoleSettings>());
        using var shell = new ShellWindow(app, services, ScreenRegistry.ForConsole());
        // A dropped SSH session (SIGHUP) or a kill (SIGTERM) must leave the terminal restored: stop the loop
        // instead of dying, so Terminal.Gui leaves the alternate screen and turns mouse tracking off.
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop(app, shell));
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(app, shell));
        // When the far end of the terminal closes, SIGHUP can reach only the shell that started us: watch for it.
        app.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            if (!TerminalHangup.HasHungUp()) return true;
            shell.Quit();
            return false;
        });
        app.Run(shell);
        if (TerminalHangup.HasHungUp())
        {
            // The terminal is gone, so there is nothing to restore, and Terminal.Gui's shutdown would wait forever
            // for its input thread, which spins on end-of-file. Leave now; SQLite's journal keeps the data safe.
            Environment.Exit(HangupExitCode);
        }
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
