using System.Diagnostics;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Plugins.ContractTests;

/// <summary>
/// The fifth sector, built outside the solution exactly as docs/plugins.md says:
/// <c>dotnet publish samples/plugins/Shuzhi.NonPublic -o DIR/Shuzhi.NonPublic</c>. Published once per test run
/// (a build artifact, not test state: every test only reads it), into a folder removed when the process ends.
/// </summary>
public static class SamplePlugin
{
    public const string Name = "Shuzhi.NonPublic";
    public const string SectorKey = "nonpublic";

    private static readonly Lazy<string> Published = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>DIR: the folder of plugin folders to put in SHUZHI_PLUGINS.</summary>
    public static string SearchPath => Published.Value;

    /// <summary>DIR/Shuzhi.NonPublic: the plugin folder itself.</summary>
    public static string Folder => Path.Combine(SearchPath, Name);

    private static string Publish()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"shuzhi-sample-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The documented command; --disable-build-servers only keeps the test from leaving MSBuild nodes running.
        foreach (var a in new[] { "publish", $"samples/plugins/{Name}", "-o", Path.Combine(dir, Name), "--disable-build-servers", "-v", "q" })
            psi.ArgumentList.Add(a);
        // dotnet test passes its own MSBuild settings down; a nested build must find its own.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(key);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish of the sample plugin did not finish in 4 minutes");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({p.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return dir;
    }
}
