using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Security;

/// <summary>
/// A database created by "admin" (the first administrator) over a small tree:
/// 1 市 → 11 A县 (111 A镇, 112 A县国企 [soe]), 12 B县 (121 B镇, 122 B县国企 [soe]).
/// Other operators get their own harness on the same file. One per test.
/// </summary>
internal sealed class SecurityBed : IDisposable
{
    private readonly TempDir _dir = new("sec");
    private readonly List<CoreHarness> _harnesses = [];

    public SecurityBed()
    {
        DatabasePath = _dir.File("s.db");
        Admin = As("admin");
        Admin.Get<Database>().EnsureReady();
        Sql("""
            INSERT INTO organisation(code, name, parent_code, sector, level) VALUES
              ('1', '市委', NULL, 'localities', 2),
              ('11', 'A县委', '1', 'localities', 3), ('12', 'B县委', '1', 'localities', 3),
              ('111', 'A镇党委', '11', 'localities', 4), ('112', 'A县国企党委', '11', 'soe', 2),
              ('121', 'B镇党委', '12', 'localities', 4), ('122', 'B县国企党委', '12', 'soe', 2);
            """);
    }

    public string DatabasePath { get; }
    public CoreHarness Admin { get; }
    public string Folder => _dir.Path;

    public CoreHarness As(string name)
    {
        var h = new CoreHarness(DatabasePath, pluginPaths: [], operatorName: name);
        _harnesses.Add(h);
        return h;
    }

    /// <summary>Registers the operator with one grant, as the administrator.</summary>
    public CoreHarness Operator(string name, Role role, string scope, string? sector = null)
    {
        var admin = Admin.Get<OperatorAdmin>();
        if (!admin.List().Any(a => a.Name == name)) admin.Add(name);
        admin.Grant(name, RolePermissions.Key(role), scope, sector);
        return As(name);
    }

    /// <summary>Raw SQL behind the program's back, on a connection of its own.</summary>
    public void Sql(string sql)
    {
        using var c = Raw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var c = Raw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public SqliteConnection Raw()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    public void Dispose()
    {
        foreach (var h in _harnesses) h.Dispose();
        _dir.Dispose();
    }
}
