using System.Diagnostics;

namespace ShuzhiKaohe.Core.Common;

/// <summary>
/// Milestones of a process's start, written to stderr when SHUZHI_TRACE_STARTUP=1 (docs/performance.md):
/// how the time to the first answer is spent, measured on the machine that is slow, not guessed.
/// </summary>
public static class StartupTrace
{
    private static readonly string? Level = Environment.GetEnvironmentVariable("SHUZHI_TRACE_STARTUP");
    private static readonly bool On = Level is "1" or "2";
    /// <summary>SHUZHI_TRACE_STARTUP=2 also names the assemblies each step loaded.</summary>
    private static readonly HashSet<string> Seen = [];
    private static readonly long Origin = !On ? 0 : Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks;

    /// <summary>Also lists every exception thrown during start-up, caught or not: each one costs.</summary>
    private static bool _watching;

    public static void Mark(string what)
    {
        if (!On) return;
        if (!_watching)
        {
            _watching = true;
            if (Environment.GetEnvironmentVariable("SHUZHI_TRACE_LOAD") is { } watch)
                AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
                {
                    if (e.LoadedAssembly.GetName().Name == watch) Console.Error.WriteLine(Environment.StackTrace);
                };
            AppDomain.CurrentDomain.FirstChanceException += (_, e) => Console.Error.WriteLine($"[startup]   exception {e.Exception.GetType().Name}: {e.Exception.Message}");
        }
        var ms = (DateTime.UtcNow.Ticks - Origin) / (double)TimeSpan.TicksPerMillisecond;
        // CPU time too: on a shared machine the wall clock says as much about the neighbours as about us.
        var cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        // What start-up costs is mostly the code it touches: assemblies mapped, methods the JIT had to compile.
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Length;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        Console.Error.WriteLine($"[startup] {ms,8:F1} ms  cpu {cpu,6:F1} ms  asm {assemblies,3}  jit {jitted,4} ({jitMs,5:F1} ms)  gc {GC.CollectionCount(0)}  {what}");
        if (Level != "2") return;
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").Where(Seen.Add).ToList();
        if (loaded.Count > 0) Console.Error.WriteLine($"[startup]           loaded: {string.Join(", ", loaded)}");
    }
}
