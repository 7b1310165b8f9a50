using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Organisations.Secretaries;

/// <summary>The SQL of people and secretary terms, in the caller's transaction.</summary>
internal sealed class SecretaryStore(SqliteConnection c, SqliteTransaction tx)
{
    internal sealed record StoredTerm(long Id, long PersonId, string Name, string? Key, DateOnly Start, DateOnly? End);

    public bool OrganisationExists(string code) =>
        Convert.ToInt64(Scalar("SELECT EXISTS (SELECT 1 FROM organisation WHERE code = $code)", ("$code", code))) != 0;

    public IReadOnlyList<StoredTerm> Terms(string orgCode)
    {
        using var cmd = Command("""
            SELECT t.id, t.person_id, p.name, p.external_key, t.start_on, t.end_on
              FROM secretary_term t JOIN person p ON p.id = t.person_id
             WHERE t.org_code = $org ORDER BY t.start_on
            """, ("$org", orgCode));
        using var r = cmd.ExecuteReader();
        var list = new List<StoredTerm>();
        while (r.Read())
            list.Add(new StoredTerm(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                DateOnly.Parse(r.GetString(4)), r.IsDBNull(5) ? null : DateOnly.Parse(r.GetString(5))));
        return list;
    }

    public (long Id, string Name)? PersonByKey(string key)
    {
        using var cmd = Command("SELECT id, name FROM person WHERE external_key = $key", ("$key", key));
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetString(1)) : null;
    }

    public long AddPerson(string name, string? key) =>
        Convert.ToInt64(Scalar("INSERT INTO person(name, external_key) VALUES ($name, $key) RETURNING id", ("$name", name), ("$key", key)));

    public void AddTerm(string org, long person, DateOnly start, DateOnly? end) =>
        Scalar("INSERT INTO secretary_term(org_code, person_id, start_on, end_on) VALUES ($org, $person, $start, $end)",
            ("$org", org), ("$person", person), ("$start", start.ToString("yyyy-MM-dd")), ("$end", end?.ToString("yyyy-MM-dd")));

    public void SetEnd(long term, DateOnly? end) =>
        Scalar("UPDATE secretary_term SET end_on = $end, row_version = row_version + 1 WHERE id = $id",
            ("$id", term), ("$end", end?.ToString("yyyy-MM-dd")));

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteScalar();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }
}
