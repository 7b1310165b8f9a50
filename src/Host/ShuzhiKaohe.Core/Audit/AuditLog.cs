using System.Globalization;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Audit;

/// <summary>Reads the trail for <c>shuzhi audit list</c>: only entries of organisations in the operator's scope.</summary>
public sealed class AuditLog(Database database, Authorizer authorizer)
{
    /// <param name="orgCode">Only entries of this organisation and its subtree (it must be in scope).</param>
    /// <param name="since">Only entries on or after this day (UTC).</param>
    public IReadOnlyList<AuditEntry> List(string? orgCode = null, DateOnly? since = null, int limit = 500)
    {
        if (limit is < 1 or > 100_000) throw new InvalidInputException("--limit 须在 1 到 100000 之间");
        if (orgCode is not null) authorizer.Require(Permission.AuditRead, orgCode);
        else authorizer.Require(Permission.AuditRead);
        var scope = authorizer.ScopeOf(Permission.AuditRead);
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        var where = new List<string> { scope.Predicate(cmd, "a.org_code", "scope") };
        if (orgCode is not null)
        {
            where.Add(AccessScope.SubtreePredicate(cmd, "a.org_code", "$org"));
            cmd.Parameters.AddWithValue("$org", orgCode);
        }
        if (since is not null)
        {
            where.Add("a.at >= $since");
            cmd.Parameters.AddWithValue("$since", since.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        cmd.CommandText = $"""
            SELECT * FROM (
                SELECT a.id, a.at, a.operator, a.front_end, a.action, a.entity, a.entity_key, a.org_code, a.summary,
                       a.state_hash, a.prev_hash, a.entry_hash
                  FROM audit_entry a WHERE {string.Join(" AND ", where)} ORDER BY a.id DESC LIMIT $limit
            ) ORDER BY id
            """;
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
            list.Add(new AuditEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
                r.GetString(10), r.GetString(11)));
        return list;
    }
}
