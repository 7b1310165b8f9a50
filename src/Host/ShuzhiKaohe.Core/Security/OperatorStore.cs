using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Security;

/// <summary>The SQL of operators and grants. Callers own the connection and the transaction.</summary>
internal static class OperatorStore
{
    private const string GrantColumns = "id, operator_name, role, scope_code, sector, granted_by, granted_at, revoked_by, revoked_at";

    public static bool Exists(SqliteConnection c, SqliteTransaction? tx, string name)
    {
        using var cmd = Command(c, tx, "SELECT count(*) FROM operator WHERE name = $name");
        cmd.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(cmd.ExecuteScalar()) > 0;
    }

    public static long Count(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = Command(c, tx, "SELECT count(*) FROM operator");
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public static void Insert(SqliteConnection c, SqliteTransaction tx, string name, string createdBy, string at)
    {
        using var cmd = Command(c, tx, "INSERT INTO operator(name, created_by, created_at) VALUES ($name, $by, $at)");
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$by", createdBy);
        cmd.Parameters.AddWithValue("$at", at);
        cmd.ExecuteNonQuery();
    }

    public static long InsertGrant(SqliteConnection c, SqliteTransaction tx, string name, Role role, Scope scope, string by, string at)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO operator_grant(operator_name, role, scope_code, sector, granted_by, granted_at)
            VALUES ($name, $role, $scope, $sector, $by, $at) RETURNING id
            """);
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$role", RolePermissions.Key(role));
        cmd.Parameters.AddWithValue("$scope", scope.Code);
        cmd.Parameters.AddWithValue("$sector", (object?)scope.Sector ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$by", by);
        cmd.Parameters.AddWithValue("$at", at);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public static void Revoke(SqliteConnection c, SqliteTransaction tx, long id, string by, string at)
    {
        using var cmd = Command(c, tx, """
            UPDATE operator_grant SET revoked_by = $by, revoked_at = $at, row_version = row_version + 1
             WHERE id = $id AND revoked_at IS NULL
            """);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$by", by);
        cmd.Parameters.AddWithValue("$at", at);
        cmd.ExecuteNonQuery();
    }

    public static IReadOnlyList<OperatorGrant> Grants(SqliteConnection c, SqliteTransaction? tx, string? name, bool includeRevoked)
    {
        var where = new List<string>();
        if (name is not null) where.Add("operator_name = $name");
        if (!includeRevoked) where.Add("revoked_at IS NULL");
        using var cmd = Command(c, tx,
            $"SELECT {GrantColumns} FROM operator_grant {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY operator_name, id");
        if (name is not null) cmd.Parameters.AddWithValue("$name", name);
        using var r = cmd.ExecuteReader();
        var list = new List<OperatorGrant>();
        while (r.Read())
            list.Add(new OperatorGrant(r.GetInt64(0), r.GetString(1), RolePermissions.Parse(r.GetString(2)) ?? Role.Reader,
                new Scope(r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
        return list;
    }

    public static IReadOnlyList<(string Name, string CreatedBy, string CreatedAt)> Operators(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = Command(c, tx, "SELECT name, created_by, created_at FROM operator ORDER BY name");
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string, string)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        return list;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
