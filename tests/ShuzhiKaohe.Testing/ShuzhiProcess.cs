using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ShuzhiKaohe.Testing;

/// <summary>What a run of the real executable gave.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json() => JsonDocument.Parse(Stdout).RootElement;
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the built <c>shuzhi</c> executable as a process, with its own data folder so tests never share state.</summary>
public sealed class ShuzhiProcess(string dataHome, IDictionary<string, string?>? environment = null)
{
    public string DataHome { get; } = dataHome;

    public ProcessResult Run(params string[] args) => RunWith(null, args);

    /// <summary>Starts the executable with its output and input redirected, for a caller that waits, reads or kills it.</summary>
    public Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo(RepoPaths.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["XDG_DATA_HOME"] = DataHome;
        psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(DataHome, "config");
        psi.Environment.Remove("SHUZHI_DB");
        psi.Environment.Remove("SHUZHI_PLUGINS");
        psi.Environment.Remove("SSH_ORIGINAL_COMMAND");
        if (environment is not null)
            foreach (var (k, v) in environment)
                if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    public ProcessResult RunWith(string? stdin, params string[] args)
    {
        using var p = Start(args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"shuzhi {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
