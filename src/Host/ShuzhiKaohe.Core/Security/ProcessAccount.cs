using System.Runtime.InteropServices;

namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// The OS account the process runs as (effective uid) and the owners of files — what the operator's identity is
/// decided from (see <see cref="OperatorIdentity"/>). Linux: <c>geteuid(2)</c> and <c>statx(2)</c>, whose result
/// struct has one layout on every architecture (unlike <c>struct stat</c>).
/// </summary>
public static class ProcessAccount
{
    /// <summary>The effective uid of this process.</summary>
    public static uint EffectiveUid => OperatingSystem.IsWindows() ? 0 : geteuid();

    /// <summary>The login name of the effective uid (.NET reads it with getpwuid_r).</summary>
    public static string UserName => Environment.UserName;

    /// <summary>
    /// Files and folders this process creates are its owner's only (umask 077): the database's companions,
    /// backups, logs and the data folder hold personnel evaluations.
    /// </summary>
    public static void RestrictNewFilesToOwner()
    {
        if (!OperatingSystem.IsWindows()) umask(0x3F);
    }

    /// <summary>The uid that owns the file (links followed), or null when it does not exist.</summary>
    public static uint? OwnerOf(string path)
    {
        if (OperatingSystem.IsWindows()) return File.Exists(path) ? 0 : null;
        var buffer = new byte[StatxSize];
        var rc = statx(AtFdCwd, path, 0, StatxUid, buffer);
        if (rc != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR) return null;
            throw new IOException($"无法读取文件 {path} 的所有者（errno {errno}）");
        }
        return MemoryMarshal.Read<uint>(buffer.AsSpan(StatxUidOffset, 4));
    }

    /// <summary>The account name of a uid from /etc/passwd, else the number — for messages only.</summary>
    public static string NameOf(uint uid)
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/passwd"))
            {
                var f = line.Split(':');
                if (f.Length > 2 && uint.TryParse(f[2], out var u) && u == uid) return f[0];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return $"uid {uid}";
    }

    // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid (offset 20) …; 256 bytes in all.
    private const int StatxSize = 256;
    private const int StatxUidOffset = 20;
    private const uint StatxUid = 0x0008;
    private const int AtFdCwd = -100;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = false)]
    private static extern uint umask(uint mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, [Out] byte[] statxbuf);
}
