using System.Diagnostics;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>
/// The real executable in a real terminal: scripts/tmux-walk.sh at 80x24 and 120x40, and the same walk through a
/// real SSH session to a loopback sshd with the service-account setup of docs/operations.md (scripts/ssh-walk.sh).
/// </summary>
public sealed class TmuxWalkTests
{
    [ExternalFact("tmux", "tmux")]
    public void Real_terminal_walk_passes_at_80x24_and_120x40()
    {
        var stdout = RunScript("tmux-walk.sh");
        Assert.Contains("tmux-walk: 80x24 ok", stdout);
        Assert.Contains("tmux-walk: 120x40 ok", stdout);
        Assert.Contains("tmux-walk: passed", stdout);
    }

    [ExternalFact("sshd", "openssh-server", NeedsRoot = true)]
    public void The_same_walk_over_ssh_with_a_forced_command_passes_and_a_dropped_connection_ends_the_console()
    {
        var stdout = RunScript("ssh-walk.sh");
        Assert.Contains("tmux-walk: 80x24 ok", stdout);
        Assert.Contains("tmux-walk: 120x40 ok", stdout);
        Assert.Contains("ssh-walk: dropped connection ok", stdout);
        Assert.Contains("ssh-walk: passed", stdout);
    }

    private static string RunScript(string name)
    {
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", name));
        psi.ArgumentList.Add("--exe");
        psi.ArgumentList.Add(RepoPaths.Executable);
        psi.Environment.Remove("SHUZHI_DB");
        psi.Environment.Remove("SHUZHI_PLUGINS");

        using var walk = Process.Start(psi)!;
        var stdout = walk.StandardOutput.ReadToEndAsync();
        var stderr = walk.StandardError.ReadToEndAsync();
        if (!walk.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            walk.Kill(entireProcessTree: true);
            Assert.Fail($"{name} did not finish in 4 minutes\n{stdout.Result}\n{stderr.Result}");
        }
        Assert.True(walk.ExitCode == 0, $"{name} exited {walk.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
