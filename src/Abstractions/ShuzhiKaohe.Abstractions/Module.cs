using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Abstractions;

/// <summary>The version of this contract. A plugin declares the version it was built for in its manifest.</summary>
public static class Contract
{
    public const int Major = 1;
    public const int Minor = 0;
    public static string Version => $"{Major}.{Minor}";

    /// <summary>A plugin built for <paramref name="major"/>.<paramref name="minor"/> runs on this host when the
    /// majors match and the plugin's minor is not newer than the host's.</summary>
    public static bool IsCompatible(int major, int minor) => major == Major && minor >= 0 && minor <= Minor;
}

/// <summary>
/// The one place a plugin registers services of its own beyond its policies (which the host discovers).
/// Exactly one class per plugin assembly implements it; it needs a parameterless constructor.
/// </summary>
public interface IModuleRegistrar
{
    void Register(IServiceCollection services);
}

/// <summary>A numbered SQL migration a plugin brings. Its tables must be prefixed with the sector key and '_'.</summary>
public sealed record ModuleMigration(int Version, string Name, string Sql);

/// <summary>Supplies a plugin's migrations, applied by the host in version order and journaled with checksums.</summary>
public interface IModuleMigrations : ISectorPolicy
{
    IReadOnlyList<ModuleMigration> Migrations { get; }
}
