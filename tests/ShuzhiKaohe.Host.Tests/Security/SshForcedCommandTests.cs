using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests.Security;

/// <summary>
/// The service-account setup of docs/operations.md, end to end through a real ssh to a loopback sshd of the
/// test's own (own config, host key and pid file; 127.0.0.1 only; stopped at the end): one account owns the
/// database and the program; each operator's key runs shuzhi with their name as a forced command.
/// </summary>
public sealed class SshForcedCommandTests : IDisposable
{
    private readonly TempDir _dir = new("ssh");
    private Process? _sshd;

    [ExternalFact("sshd", "openssh-server", NeedsRoot = true)]
    public void Two_operators_over_ssh_each_see_only_their_own_county_and_cannot_choose_who_they_are()
    {
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_101_101);
        using var service = new OsAccount(_dir.Dir("service-home"), shell: "/bin/sh");
        service.AllowKeyLogins();
        var shuzhi = RepoPaths.Executable;

        // Step 1–2 of the guide: the service account creates the database (it becomes the first administrator).
        Ok(service.Run(shuzhi, null, "db", "init"));
        var db = Path.Combine(service.Home, ".local", "share", "shuzhi", "shuzhi.db");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db));
        // The organisation tree, as an import would leave it.
        Sql(db, """
            INSERT INTO organisation(code, name, parent_code, sector, level) VALUES
              ('1', '市委', NULL, 'localities', 2), ('11', 'A县委', '1', 'localities', 3), ('12', 'B县委', '1', 'localities', 3),
              ('111', 'A镇党委', '11', 'localities', 4), ('121', 'B镇党委', '12', 'localities', 4);
            """);
        service.Own(Path.GetDirectoryName(db)!);

        // Step 3: operators, grants, keys and their forced-command lines.
        var keys = new Dictionary<string, string>();
        var lines = new List<string>();
        foreach (var (name, county) in new[] { ("alice", "11"), ("bob", "12") })
        {
            Ok(service.Run(shuzhi, null, "operator", "add", name));
            Ok(service.Run(shuzhi, null, "operator", "grant", name, "--role", "organiser", "--scope", county));
            keys[name] = _dir.File(name + "_key");
            Ok(OsAccount.Exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", keys[name]));
            var line = Ok(service.Run(shuzhi, null, "operator", "setup-ssh", name, keys[name] + ".pub")).Stdout.Trim();
            Assert.StartsWith($"command=\"{shuzhi} --operator {name}\",restrict,pty ssh-ed25519 ", line);
            lines.Add(line);
        }
        var sshDir = Path.Combine(service.Home, ".ssh");
        Directory.CreateDirectory(sshDir);
        File.WriteAllLines(Path.Combine(sshDir, "authorized_keys"), lines);
        File.SetUnixFileMode(sshDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(Path.Combine(sshDir, "authorized_keys"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        service.Own(sshDir);

        var port = StartSshd(service.Name);
        ProcessResult Ssh(string who, string command) => OsAccount.Exec("ssh",
            "-F", "/dev/null", "-i", keys[who], "-p", port.ToString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
            "--", $"{service.Name}@127.0.0.1", command);

        // Each key acts as its own operator, and says so.
        var alice = Json(Ok(Ssh("alice", "operator whoami --json")));
        Assert.Equal("alice", alice.GetProperty("name").GetString());
        Assert.True(alice.GetProperty("via_ssh").GetBoolean());
        Assert.Equal("11", alice.GetProperty("grants")[0].GetProperty("scope").GetString());

        // --operator typed in the ssh command is ignored: the key decides.
        var spoof = Ok(Ssh("alice", "--operator bob operator whoami --json --operator=" + service.Name));
        Assert.Equal("alice", Json(spoof).GetProperty("name").GetString());
        Assert.Contains("已忽略命令中的 --operator", spoof.Stderr);

        // Each sees only their own county.
        string[] Orgs(ProcessResult r) => Json(r).EnumerateArray().Select(e => e.GetProperty("org_code").GetString()!).Distinct().Order().ToArray();
        Assert.Equal(["11"], Orgs(Ok(Ssh("alice", "audit list --json"))));
        Assert.Equal(["12"], Orgs(Ok(Ssh("bob", "audit list --json"))));
        Assert.Equal(3, Ssh("alice", "audit list --org 12").ExitCode);
        Assert.Equal(3, Ssh("bob", "audit list --org '11'").ExitCode);
        var escalate = Ssh("alice", "operator grant alice --role administrator --scope '*'");
        Assert.Equal(3, escalate.ExitCode);
        Assert.Contains("无权限", escalate.Stderr);

        // The chain verifies; a grant widened with raw SQL behind the program's back is found and named.
        Ok(service.Run(shuzhi, null, "audit", "verify"));
        Sql(db, "UPDATE operator_grant SET scope_code = '*' WHERE operator_name = 'alice'");
        service.Own(Path.GetDirectoryName(db)!);
        var verify = service.Run(shuzhi, null, "audit", "verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Matches("operator_grant \\d+ 的当前数据与其最后一条审计记录", verify.Stderr);
    }

    private static ProcessResult Ok(ProcessResult r)
    {
        Assert.True(r.ExitCode == 0, r.ToString());
        return r;
    }

    private static JsonElement Json(ProcessResult r) => JsonDocument.Parse(r.Stdout).RootElement;

    private static void Sql(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Our own sshd on a free loopback port: own host key, config and pid file; never port 22.</summary>
    private int StartSshd(string allowedUser)
    {
        var hostKey = _dir.File("ssh_host_ed25519_key");
        Ok(OsAccount.Exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey));
        // sshd's privilege-separation folder; the package's service unit would create it.
        Directory.CreateDirectory("/run/sshd");
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        var config = _dir.File("sshd_config");
        File.WriteAllText(config, $"""
            ListenAddress 127.0.0.1:{port}
            HostKey {hostKey}
            PidFile {_dir.File("sshd.pid")}
            AuthorizedKeysFile .ssh/authorized_keys
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            PermitRootLogin no
            AllowUsers {allowedUser}
            StrictModes yes
            PrintMotd no
            LogLevel VERBOSE

            """);
        var psi = new ProcessStartInfo(ExternalTools.Find("sshd", "openssh-server"))
        {
            UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        foreach (var a in new[] { "-D", "-e", "-f", config }) psi.ArgumentList.Add(a);
        _sshd = Process.Start(psi)!;
        _sshd.BeginErrorReadLine();
        _sshd.BeginOutputReadLine();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            Assert.False(_sshd.HasExited, "sshd exited at start");
            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, port);
                return port;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException("sshd did not listen within 20 s");
    }

    public void Dispose()
    {
        if (_sshd is { HasExited: false })
        {
            _sshd.Kill();
            _sshd.WaitForExit(5000);
        }
        _sshd?.Dispose();
        _dir.Dispose();
    }
}
