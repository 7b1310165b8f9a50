using Xunit;

namespace ShuzhiKaohe.Testing;

/// <summary>
/// A test that needs a program the machine may lack (tmux, sshd, LibreOffice …). Where the program is missing
/// the test is skipped with a message saying what to install — except under SHUZHI_REQUIRE_EXTERNAL=1 (set by
/// .ci/run), where it runs and fails, so CI proves every test really ran.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExternalFactAttribute : FactAttribute
{
    public ExternalFactAttribute(string program, string debianPackage)
    {
        if (!ExternalTools.Exists(program) && !ExternalTools.Required)
            Skip = $"needs {program}: apt-get install {debianPackage} (under SHUZHI_REQUIRE_EXTERNAL=1 this fails instead)";
    }

    /// <summary>The test also needs root (to create OS accounts, start sshd); CI runs as root.</summary>
    public bool NeedsRoot
    {
        get => _needsRoot;
        init
        {
            _needsRoot = value;
            if (value && Skip is null && !ExternalTools.Required && ShuzhiKaohe.Core.Security.ProcessAccount.EffectiveUid != 0)
                Skip = "needs root to create OS accounts (CI runs as root; under SHUZHI_REQUIRE_EXTERNAL=1 this fails instead)";
        }
    }

    private readonly bool _needsRoot;
}

public static class ExternalTools
{
    public static bool Required => Environment.GetEnvironmentVariable("SHUZHI_REQUIRE_EXTERNAL") == "1";

    public static bool Exists(string program)
    {
        if (Path.IsPathRooted(program)) return File.Exists(program);
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator).Concat(["/usr/sbin", "/sbin"]).Any(d => File.Exists(Path.Combine(d, program)));
    }

    /// <summary>The full path of a program, or a failure that says what to install.</summary>
    public static string Find(string program, string debianPackage)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var d in path.Split(Path.PathSeparator).Concat(["/usr/sbin", "/sbin"]))
        {
            var f = Path.Combine(d, program);
            if (File.Exists(f)) return f;
        }
        throw new InvalidOperationException($"{program} is not installed: apt-get install {debianPackage}");
    }
}
