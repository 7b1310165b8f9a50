using System.Diagnostics;
using System.Globalization;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace ConsoleBench;

/// <summary>
/// Times keys from injection to the end of the repaint they cause (InjectKey + LayoutAndDraw), grouped by kind, and
/// prints p50/p95/max per kind and over all keys of a screen. A key that opens a modal form is timed twice: the key to
/// the form on screen, and the form's Enter to the screen repainted after the action (see <see cref="Form"/>).
/// </summary>
internal sealed class KeyTimer(IApplication app, Func<bool> shellOnTop)
{
    private readonly Dictionary<string, List<double>> _samples = [];

    /// <summary>CPU time of the process per key, beside the wall time: on a shared machine it says what the key costs.</summary>
    private readonly Dictionary<string, List<double>> _cpu = [];

    private readonly Process _self = Process.GetCurrentProcess();
    private TimeSpan _cpuAt;

    /// <summary>Kinds that are reported but left out of the screen's "ALL KEYS" line (opening screens, one-off actions).</summary>
    private readonly HashSet<string> _apart = [];

    public double Time(string kind, Key key)
    {
        var clock = StartClock();
        app.InjectKey(key);
        app.LayoutAndDraw();
        return Add(kind, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Times an action that is not a key (pushing a screen as Enter on the home list does), kept apart from ALL.</summary>
    public double TimeApart(string kind, Action action)
    {
        var clock = StartClock();
        action();
        app.LayoutAndDraw();
        _apart.Add(kind);
        return Add(kind, clock.Elapsed.TotalMilliseconds);
    }

    public void Untimed(params Key[] keys)
    {
        foreach (var k in keys) app.InjectKey(k);
        app.LayoutAndDraw();
    }

    /// <summary>
    /// Presses <paramref name="open"/>, which runs a modal form in a nested loop. Times the key to the form drawn
    /// (<paramref name="openKind"/>); types <paramref name="fields"/> (Tab between them, untimed); then times Enter to
    /// the end of the screen's repaint after the action (<paramref name="acceptKind"/>): the write, the reload and
    /// the redraw the operator waits for.
    /// </summary>
    public void Form(string openKind, Key open, string acceptKind, params string[] fields)
    {
        var clock = StartClock();
        var opened = false;
        void OnIteration(object? sender, EventArgs e)
        {
            if (opened || shellOnTop()) return;
            opened = true;
            app.LayoutAndDraw();
            Add(openKind, clock.Elapsed.TotalMilliseconds);
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0) app.InjectKey(Key.Tab);
                foreach (var ch in fields[i]) app.InjectKey(new Key(ch));
            }
            clock = StartClock();
            app.InjectKey(Key.Enter);
        }
        app.Iteration += OnIteration;
        try
        {
            app.InjectKey(open);
        }
        finally
        {
            app.Iteration -= OnIteration;
        }
        app.LayoutAndDraw();
        if (!opened) throw new InvalidOperationException($"{open} opened no form");
        Add(acceptKind, clock.Elapsed.TotalMilliseconds);
    }

    public void Report(string title, TextWriter w)
    {
        w.WriteLine(title);
        foreach (var (kind, list) in _samples.OrderBy(k => k.Key, StringComparer.Ordinal))
            w.WriteLine(Line((_apart.Contains(kind) ? "(apart) " : "") + kind, list, _cpu[kind]));
        var all = _samples.Where(k => !_apart.Contains(k.Key)).SelectMany(k => k.Value).ToList();
        var allCpu = _cpu.Where(k => !_apart.Contains(k.Key)).SelectMany(k => k.Value).ToList();
        if (all.Count > 0) w.WriteLine(Line("ALL KEYS", all, allCpu));
        w.WriteLine($"  {Memory.Line()}");
    }

    private static string Line(string kind, List<double> values, List<double> cpu)
    {
        var s = values.Order().ToArray();
        var c = cpu.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"  {Fit(kind),-52} n={s.Length,5}  p50 {P(s, 0.50),7:F2} ms  p95 {P(s, 0.95),7:F2} ms  max {s[^1],7:F2} ms   cpu p50 {P(c, 0.50),6:F1} p95 {P(c, 0.95),6:F1} ms");
    }

    private Stopwatch StartClock()
    {
        _self.Refresh();
        _cpuAt = _self.TotalProcessorTime;
        return Stopwatch.StartNew();
    }

    private static string Fit(string s) => s.Length <= 52 ? s : s[..52];

    private static readonly bool Trace = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";

    private double Add(string kind, double ms)
    {
        _self.Refresh();
        var cpuMs = (_self.TotalProcessorTime - _cpuAt).TotalMilliseconds;
        if (Trace) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms,9:F2} ms  cpu {cpuMs,7:F1} ms  {kind}"));
        if (!_samples.TryGetValue(kind, out var list)) _samples[kind] = list = [];
        list.Add(ms);
        if (!_cpu.TryGetValue(kind, out var cpu)) _cpu[kind] = cpu = [];
        cpu.Add(cpuMs);
        return ms;
    }

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
}

/// <summary>The process's resident memory from /proc/self/status: VmHWM (peak) and VmRSS (now), in MB.</summary>
internal static class Memory
{
    public static string Line()
    {
        var status = File.Exists("/proc/self/status") ? File.ReadAllLines("/proc/self/status") : [];
        string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal)) is { } l
            ? (long.Parse(l[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB"
            : "?";
        return $"memory: peak RSS (VmHWM) {Field("VmHWM")}, RSS now (VmRSS) {Field("VmRSS")}, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB";
    }
}
