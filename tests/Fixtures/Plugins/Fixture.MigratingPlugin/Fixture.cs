using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;

namespace Fixture;

internal static class FixtureInfo
{
    public const string Sector = "fixture_migrating";
}

internal sealed class Registrar : IModuleRegistrar
{
    public void Register(IServiceCollection services)
    {
    }
}

// A plugin that brings a table: the host learns it from metadata and loads this plugin before the database opens.
internal sealed class NoteMigrations : IModuleMigrations
{
    public string Sector => FixtureInfo.Sector;
    public IReadOnlyList<ModuleMigration> Migrations { get; } =
        [new(1, "notes", "CREATE TABLE fixture_migrating_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;")];
}
