using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Organisations.Secretaries;

/// <summary>The secretaries of an organisation, every term in order (<c>shuzhi person list --org CODE</c>).</summary>
public sealed class SecretaryList(Database database, OrganisationDirectory directory)
{
    public IReadOnlyList<SecretaryTerm> Terms(string orgCode)
    {
        directory.Get(orgCode);
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT t.id, t.org_code, t.person_id, p.name, t.start_on, t.end_on
              FROM secretary_term t JOIN person p ON p.id = t.person_id
             WHERE t.org_code = $org ORDER BY t.start_on
            """;
        cmd.Parameters.AddWithValue("$org", orgCode);
        using var r = cmd.ExecuteReader();
        var list = new List<SecretaryTerm>();
        while (r.Read())
            list.Add(new SecretaryTerm(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3),
                DateOnly.Parse(r.GetString(4)), r.IsDBNull(5) ? null : DateOnly.Parse(r.GetString(5))));
        return list;
    }
}
