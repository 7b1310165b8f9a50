using System.Diagnostics;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>The real executable in a real terminal: scripts/tmux-walk.sh at 80x24 and 120x40.</summary>
public sealed class TmuxWalkTests
{
    [ExternalFact("tmux", "tmux")]
    public void Real_terminal_walk_passes_at_80x24_and_120x40()
    {
        var script = Path.Combine(RepoPaths.Root, "scripts", "tmux-walk.sh");
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add("--exe");
        psi.ArgumentList.Add(RepoPaths.Executable);
        psi.Environment.Remove("SHUZHI_DB");
        psi.Environment.Remove("SHUZHI_PLUGINS");

        using var walk = Process.Start(psi)!;
        var stdout = walk.StandardOutput.ReadToEndAsync();
        var stderr = walk.StandardError.ReadToEndAsync();
        if (!walk.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            walk.Kill(entireProcessTree: true);
            Assert.Fail($"tmux-walk.sh did not finish in 3 minutes\n{stdout.Result}\n{stderr.Result}");
        }

        Assert.True(walk.ExitCode == 0, $"tmux-walk.sh exited {walk.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        Assert.Contains("tmux-walk: 80x24 ok", stdout.Result);
        Assert.Contains("tmux-walk: 120x40 ok", stdout.Result);
        Assert.Contains("tmux-walk: passed", stdout.Result);
    }
}
