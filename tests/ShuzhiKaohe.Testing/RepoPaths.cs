namespace ShuzhiKaohe.Testing;

/// <summary>Where things are, found from the test assembly's folder: the repository, the built executable, the shared data.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: whichever configuration built the running tests.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The folder of the built <c>shuzhi</c> executable (with its plugins/).</summary>
    public static string HostOutput => Path.Combine(Root, "src", "Host", "ShuzhiKaohe.Host", "bin", Configuration, "net10.0");

    public static string Executable => Path.Combine(HostOutput, OperatingSystem.IsWindows() ? "shuzhi.exe" : "shuzhi");

    /// <summary>The plugins/ folder the build fills at the repository root.</summary>
    public static string Plugins => Path.Combine(Root, "plugins");

    /// <summary>Fixture plugins built by tests/Fixtures/Plugins (good and deliberately broken ones).</summary>
    public static string FixturePlugins => Path.Combine(Root, "artifacts", "fixture-plugins");

    /// <summary>The shared real data (../shared/data from the project root).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ShuzhiKaohe.sln"))) return dir.FullName;
        throw new InvalidOperationException("ShuzhiKaohe.sln not found above " + AppContext.BaseDirectory);
    }
}
