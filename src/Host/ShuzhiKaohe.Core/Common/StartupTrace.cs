using System.Diagnostics;

namespace ShuzhiKaohe.Core.Common;

/// <summary>
/// Milestones of a process's start, written to stderr when SHUZHI_TRACE_STARTUP=1 (docs/performance.md):
/// how the time to the first answer is spent, measured on the machine that is slow, not guessed.
/// </summary>
public static class StartupTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("SHUZHI_TRACE_STARTUP") == "1";
    private static readonly long Origin = !On ? 0 : Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks;

    /// <summary>Also lists every exception thrown during start-up, caught or not: each one costs.</summary>
    private static bool _watching;

    public static void Mark(string what)
    {
        if (!On) return;
        if (!_watching)
        {
            _watching = true;
            AppDomain.CurrentDomain.FirstChanceException += (_, e) => Console.Error.WriteLine($"[startup]   exception {e.Exception.GetType().Name}: {e.Exception.Message}");
        }
        var ms = (DateTime.UtcNow.Ticks - Origin) / (double)TimeSpan.TicksPerMillisecond;
        // CPU time too: on a shared machine the wall clock says as much about the neighbours as about us.
        var cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        Console.Error.WriteLine($"[startup] {ms,8:F1} ms  cpu {cpu,6:F1} ms  {what}");
    }
}
