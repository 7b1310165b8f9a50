using System.Diagnostics;
using ShuzhiKaohe.Core.Text.Import;

namespace ShuzhiKaohe.Cli;

/// <summary>
/// A one-line progress bar on stderr, redrawn at most ten times a second. Only on a terminal: under --json or
/// with stderr redirected the command is silent until its result.
/// </summary>
public sealed class ProgressBar(TextWriter err) : IProgress<ImportProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private bool _drawn;

    /// <summary>A bar when stderr is a terminal and the output is not JSON; otherwise nothing.</summary>
    public static ProgressBar? For(CliContext ctx) => ctx.Json || Console.IsErrorRedirected ? null : new ProgressBar(ctx.Err);

    public void Report(ImportProgress value)
    {
        var now = _since.ElapsedMilliseconds;
        if (now - _lastDraw < 100 && value.Done != value.Total) return;
        _lastDraw = now;
        string line;
        if (value.Total > 0)
        {
            var share = Math.Clamp((double)value.Done / value.Total, 0, 1);
            var filled = (int)(share * Width);
            line = $"\r{value.Phase} [{new string('#', filled)}{new string('-', Width - filled)}] {share,4:P0}";
        }
        else line = $"\r{value.Phase} {value.Done:N0}";
        err.Write(line.PadRight(Width + 16));
        _drawn = true;
    }

    public void Dispose()
    {
        if (_drawn) err.Write("\r" + new string(' ', Width + 16) + "\r");
    }
}
