using System.Diagnostics;
using System.Text;

namespace ShuzhiKaohe.Testing;

/// <summary>
/// A throw-away unprivileged OS account (needs root: CI runs as root), with a home folder of its own, removed
/// afterwards. Commands run as it through runuser with a clean environment.
/// </summary>
public sealed class OsAccount : IDisposable
{
    public OsAccount(string home, string shell = "/usr/sbin/nologin")
    {
        Name = "shz" + Guid.NewGuid().ToString("N")[..12];
        Home = home;
        // useradd takes a lock on /etc/passwd: parallel tests may have to wait for each other.
        for (var attempt = 0; ; attempt++)
        {
            var r = Exec("useradd", "--no-create-home", "--home-dir", home, "--shell", shell, "--user-group", Name);
            if (r.ExitCode == 0) break;
            if (attempt >= 20) throw new InvalidOperationException($"useradd failed: {r}");
            Thread.Sleep(200 + Random.Shared.Next(300));
        }
        Directory.CreateDirectory(home);
        Check(Exec("chown", $"{Name}:{Name}", home));
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public string Name { get; }
    public string Home { get; }

    /// <summary>Unlocks the account for SSH public-key logins (a new account's password field is "!", which sshd treats as locked).</summary>
    public void AllowKeyLogins() => Check(Exec("usermod", "-p", "*", Name));

    /// <summary>Runs a program as this account; HOME and XDG folders point into its home.</summary>
    public ProcessResult Run(string program, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var all = new List<string> { "-u", Name, "--", "env", "-i", $"HOME={Home}", $"USER={Name}", "PATH=/usr/local/bin:/usr/bin:/bin",
            $"XDG_DATA_HOME={Path.Combine(Home, ".local", "share")}", $"XDG_CONFIG_HOME={Path.Combine(Home, ".config")}" };
        if (environment is not null) all.AddRange(environment.Select(kv => $"{kv.Key}={kv.Value}"));
        all.Add(program);
        all.AddRange(args);
        return Exec("runuser", [.. all]);
    }

    /// <summary>Gives the account a file or folder (recursively).</summary>
    public void Own(string path) => Check(Exec("chown", "-R", $"{Name}:{Name}", path));

    public static ProcessResult Exec(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8, WorkingDirectory = "/",
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static void Check(ProcessResult r)
    {
        if (r.ExitCode != 0) throw new InvalidOperationException(r.ToString());
    }

    public void Dispose()
    {
        // userdel waits for the lock on /etc/passwd like useradd; 6 = no such user.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (Exec("userdel", Name).ExitCode is 0 or 6) return;
            Thread.Sleep(200 + Random.Shared.Next(300));
        }
    }
}
