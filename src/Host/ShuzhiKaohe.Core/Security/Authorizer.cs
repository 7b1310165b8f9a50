using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// The one answer to "may the current operator do this here?" for every feature and both front ends
/// (issue 9 §2: enforcement lives in Core). Grants are read afresh on each question, so a revocation takes
/// effect at once, also in a console that stays open. A refusal is audited (in its own transaction) and
/// thrown as <see cref="NotPermittedException"/> (exit 3).
/// Call it <b>before</b> opening your write transaction: it reads and, on refusal, writes on its own connection.
/// </summary>
public sealed class Authorizer(Database database, OrganisationDirectory organisations, OperatorContext who, AuditTrail audit,
    ILogger<Authorizer>? log = null)
{
    private readonly ILogger _log = log ?? (ILogger)NullLogger.Instance;

    public OperatorContext Who => who;

    /// <summary>Refuses an operator who is not in the operator table (the database's creator is seeded as its first administrator).</summary>
    public void EnsureKnown()
    {
        using (var c = database.Open())
            if (OperatorStore.Exists(c, null, who.Name)) return;
        Refuse("operator", who.Name, null,
            $"操作员 {who.Name} 未登记，不能使用此数据库：请管理员运行 `shuzhi operator add {who.Name}` 并授予角色（见 docs/operations.md）");
    }

    /// <summary>The current operator's grants in force.</summary>
    public IReadOnlyList<OperatorGrant> Grants()
    {
        using var c = database.Open();
        return OperatorStore.Grants(c, null, who.Name, includeRevoked: false);
    }

    /// <summary>
    /// Whether the operator may exercise <paramref name="permission"/> on <paramref name="orgCode"/> (its subtree
    /// scope covers it), or — with no organisation — anywhere at all. System permissions need a whole-tree grant.
    /// </summary>
    public bool Can(Permission permission, string? orgCode = null)
    {
        var grants = Grants().Where(g => RolePermissions.Allows(g.Role, permission)).ToList();
        if (grants.Count == 0) return false;
        if (RolePermissions.NeedsWholeTree(permission)) return grants.Any(g => g.Scope is { IsWholeTree: true, Sector: null });
        if (orgCode is null) return true;
        if (grants.Any(g => g.Scope is { IsWholeTree: true, Sector: null })) return true;
        var path = organisations.Path(orgCode);
        return new AccessScope(false, grants.Select(g => g.Scope).ToList()).Covers(path);
    }

    /// <summary>Throws <see cref="NotPermittedException"/> (exit 3), audited, unless <see cref="Can"/>.</summary>
    /// <param name="why">What the refusal adds for the operator (a rule beyond the role table), or null.</param>
    public void Require(Permission permission, string? orgCode = null, string? why = null)
    {
        if (Can(permission, orgCode)) return;
        var where = orgCode is null ? "" : $"（组织 {orgCode}）";
        var need = RolePermissions.NeedsWholeTree(permission) ? "；此操作须持有全范围（*）的管理员授权" : "";
        var because = why is null ? "" : $"：{why}";
        Refuse("permission", permission.ToString(), orgCode,
            $"无权限：操作员 {who.Name} 不能{RolePermissions.Describe(permission)}{where}{need}{because}。用 `shuzhi operator whoami` 查看自己的授权。");
    }

    /// <summary>Whether the operator may see the organisation at all.</summary>
    public bool CanSee(string orgCode) => Can(Permission.OrganisationRead, orgCode);

    /// <summary>Where the operator may exercise the permission — for filtering lists (organisations, campaigns, entries).</summary>
    public AccessScope ScopeOf(Permission permission)
    {
        var grants = Grants().Where(g => RolePermissions.Allows(g.Role, permission)).ToList();
        if (grants.Any(g => g.Scope is { IsWholeTree: true, Sector: null })) return new AccessScope(true, []);
        if (RolePermissions.NeedsWholeTree(permission)) return new AccessScope(false, []);
        return new AccessScope(false, grants.Select(g => g.Scope).Distinct().ToList());
    }

    /// <summary>The organisations at the top of the operator's scope for the permission (null entries: whole-tree grants).</summary>
    public IReadOnlyList<(Scope Scope, Organisation? Top)> ScopeRoots(Permission permission = Permission.OrganisationRead) =>
        Grants().Where(g => RolePermissions.Allows(g.Role, permission)).Select(g => g.Scope).Distinct()
            .Select(s => (s, s.IsWholeTree ? null : organisations.Find(s.Code))).ToList();

    private void Refuse(string subject, string key, string? orgCode, string message)
    {
        // No operator names in the log file (issue 9 §6): the audit trail says who.
        if (subject == "permission") _log.LogWarning("Refused {Permission} for organisation {OrgCode}", key, orgCode ?? "-");
        else _log.LogWarning("Refused an unregistered operator");
        try
        {
            using var c = database.Open();
            using var tx = c.BeginTransaction(deferred: false);
            audit.Note(c, tx, "denied", subject, key, orgCode, message);
            tx.Commit();
        }
        catch (SqliteException e)
        {
            _log.LogError(e, "Could not audit a refusal");
        }
        throw new NotPermittedException(message);
    }
}
