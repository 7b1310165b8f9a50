using System.Runtime.InteropServices;

namespace ShuzhiKaohe.Tui;

/// <summary>
/// Notices a terminal that went away without a signal reaching the console: when the other end of the pseudo
/// terminal closes (an SSH session dropped, a tmux session killed) SIGHUP may go to the shell only, and the console
/// would then run on forever reading end-of-file. poll() reports POLLHUP on such a terminal.
/// </summary>
internal static class TerminalHangup
{
    private const short PollHup = 0x10;
    private const short PollNval = 0x20;

    /// <summary>Whether standard input's terminal has hung up (always false on Windows).</summary>
    public static bool HasHungUp()
    {
        if (OperatingSystem.IsWindows()) return false;
        var fd = new PollFd { Fd = 0, Events = 0 };
        return Poll(ref fd, 1, 0) > 0 && (fd.Revents & (PollHup | PollNval)) != 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll(ref PollFd fds, nuint count, int timeoutMs);
}
