namespace ShuzhiKaohe.Core;

/// <summary>
/// Where the program keeps its files. Data follows the XDG base directory spec: $XDG_DATA_HOME/shuzhi, else
/// ~/.local/share/shuzhi. Everything shipped with the program (plugins, demo data) is found beside the
/// executable, so a published folder works from any working directory.
/// </summary>
public sealed record AppPaths(string DataDirectory, string ProgramDirectory)
{
    public string DefaultDatabase => Path.Combine(DataDirectory, "shuzhi.db");
    public string LogDirectory => Path.Combine(DataDirectory, "logs");
    public string ShippedPlugins => Path.Combine(ProgramDirectory, "plugins");

    public static AppPaths FromEnvironment(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var xdg = env("XDG_DATA_HOME");
        string data;
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
            data = Path.Combine(xdg, "shuzhi");
        else
        {
            var home = env("HOME");
            if (string.IsNullOrWhiteSpace(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            data = Path.Combine(home, ".local", "share", "shuzhi");
        }
        return new AppPaths(data, AppContext.BaseDirectory);
    }
}
