using Terminal.Gui.App;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>
/// Runs a modal dialog in its nested loop at <see cref="IterationsPerSecond"/> instead of Terminal.Gui's 25.
/// </summary>
/// <remarks>
/// Terminal.Gui 2.5.0 ends every loop iteration by sleeping out the rest of 1000 / MaximumIterationsPerSecond ms
/// (40 ms at the default 25), and a nested loop sees <c>RequestStop</c> only after that sleep. Every form's Enter thus
/// waited up to 40 ms before the screen could write and repaint: 42 of the 56 ms of saving one grade on the national
/// campaign (issue 11, bench/console-bench.sh). A faster loop only while a dialog is open cuts that wait to 10 ms and
/// keeps the idle shell at the default rate. The rate is process-wide in Terminal.Gui, so nested and concurrent
/// dialogs (parallel test classes) count in and out, and the last one out restores what it found.
/// </remarks>
internal static class ModalLoop
{
    public const ushort IterationsPerSecond = 100;

    private static readonly Lock Gate = new();
    private static int _open;
    private static ushort _outside;

    public static void Run(IApplication app, IRunnable dialog) => Around(() => app.Run(dialog));

    /// <summary>For a dialog the library runs itself (<c>MessageBox.Query</c>): its nested loop runs at the same rate.</summary>
    public static T Around<T>(Func<T> run)
    {
        Enter();
        try
        {
            return run();
        }
        finally
        {
            Leave();
        }
    }

    private static void Enter()
    {
        lock (Gate)
        {
            if (_open++ > 0) return;
            _outside = Application.MaximumIterationsPerSecond;
            Application.MaximumIterationsPerSecond = Math.Max(_outside, IterationsPerSecond);
        }
    }

    private static void Leave()
    {
        lock (Gate)
        {
            if (--_open == 0) Application.MaximumIterationsPerSecond = _outside;
        }
    }
}
