using System.Text.RegularExpressions;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Plugins;

/// <summary>
/// Hands the plugins' migrations to the migrator, after checking their tables carry the sector prefix. Asked when
/// the database opens; <paramref name="modules"/> loads the plugins that bring migrations (<see cref="PluginCatalog.Migrations"/>).
/// </summary>
public sealed partial class PluginMigrationSource(Func<IEnumerable<IModuleMigrations>> modules) : IMigrationSource
{
    public IEnumerable<Migration> Migrations =>
        modules().SelectMany(m => m.Migrations.Select(x => Check(m.Sector, x)));

    private static Migration Check(string sector, ModuleMigration m)
    {
        foreach (Match t in CreatePattern().Matches(m.Sql))
        {
            var name = t.Groups["name"].Value.Trim('"', '`', '[', ']');
            if (!name.StartsWith(sector + "_", StringComparison.Ordinal))
                throw new Common.StorageException($"插件迁移 {sector}/{m.Version:D4}_{m.Name} 创建的 {name} 没有以 {sector}_ 为前缀：插件的表须带板块前缀");
        }
        return new Migration(sector, m.Version, m.Name, m.Sql);
    }

    [GeneratedRegex(@"CREATE\s+(?:TEMP\w*\s+|UNIQUE\s+|VIRTUAL\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>[""`\[]?\w+[""`\]]?)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatePattern();
}
