using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Security;

/// <summary>Who the current operator is, with what, where — <c>shuzhi operator whoami</c>.</summary>
public sealed record WhoAmI(string Name, string FrontEnd, bool ViaSsh, IReadOnlyList<(OperatorGrant Grant, string? ScopeName)> Grants);

/// <summary>Operators and their grants: <c>shuzhi operator add|grant|revoke|list|setup-ssh|whoami</c>.</summary>
public sealed partial class OperatorAdmin(Database database, OrganisationDirectory organisations, Authorizer authorizer, AuditTrail audit)
{
    public const string OperatorEntity = "operator";
    public const string GrantEntity = "operator_grant";

    public void Add(string name)
    {
        authorizer.Require(Permission.OperatorManage);
        if (!OperatorIdentity.IsValidName(name)) throw new InvalidInputException($"操作员名无效：{name}。{OperatorIdentity.NameRule}");
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        if (OperatorStore.Exists(c, tx, name)) throw new InvalidInputException($"操作员 {name} 已存在");
        OperatorStore.Insert(c, tx, name, authorizer.Who.Name, Clock.Now());
        audit.RecordChange(c, tx, "create", OperatorEntity, name, null, null);
        tx.Commit();
    }

    public OperatorGrant Grant(string name, string roleKey, string scopeCode, string? sector)
    {
        authorizer.Require(Permission.OperatorManage);
        var role = ParseRole(roleKey);
        var scope = CheckScope(scopeCode, sector);
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        if (!OperatorStore.Exists(c, tx, name)) throw new NotFoundException($"没有操作员 {name}（先运行 `shuzhi operator add {name}`）");
        long id;
        try { id = OperatorStore.InsertGrant(c, tx, name, role, scope, authorizer.Who.Name, Clock.Now()); }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new InvalidInputException($"操作员 {name} 已有相同的有效授权：{roleKey} @ {scope}");
        }
        audit.RecordChange(c, tx, "grant", GrantEntity, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            scope.IsWholeTree ? null : scope.Code, null, $"授予 {name} {roleKey} @ {scope}");
        var grant = OperatorStore.Grants(c, tx, name, includeRevoked: false).Single(g => g.Id == id);
        tx.Commit();
        return grant;
    }

    public OperatorGrant Revoke(string name, string roleKey, string scopeCode, string? sector)
    {
        authorizer.Require(Permission.OperatorManage);
        var role = ParseRole(roleKey);
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        var active = OperatorStore.Grants(c, tx, null, includeRevoked: false);
        var grant = active.FirstOrDefault(g => g.Operator == name && g.Role == role && g.Scope.Code == scopeCode && g.Scope.Sector == sector)
            ?? throw new NotFoundException($"操作员 {name} 没有有效的授权 {roleKey} @ {new Scope(scopeCode, sector)}");
        if (IsRootAdministrator(grant) && active.Count(IsRootAdministrator) == 1)
            throw new InvalidInputException("不能撤销最后一个全范围（*）管理员授权：否则没有人能再管理操作员");
        var key = grant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = audit.State(c, tx, GrantEntity, key);
        OperatorStore.Revoke(c, tx, grant.Id, authorizer.Who.Name, Clock.Now());
        audit.RecordChange(c, tx, "revoke", GrantEntity, key, grant.Scope.IsWholeTree ? null : grant.Scope.Code, before,
            $"撤销 {name} {roleKey} @ {grant.Scope}");
        var revoked = OperatorStore.Grants(c, tx, name, includeRevoked: true).Single(g => g.Id == grant.Id);
        tx.Commit();
        return revoked;
    }

    public IReadOnlyList<OperatorAccount> List(bool includeRevoked = false)
    {
        authorizer.Require(Permission.OperatorManage);
        using var c = database.Open();
        var grants = OperatorStore.Grants(c, null, null, includeRevoked).ToLookup(g => g.Operator);
        return OperatorStore.Operators(c, null)
            .Select(o => new OperatorAccount(o.Name, o.CreatedBy, o.CreatedAt, grants[o.Name].ToList())).ToList();
    }

    /// <summary>Any registered operator may ask who they are and what they hold.</summary>
    public WhoAmI WhoAmI()
    {
        var who = authorizer.Who;
        var grants = authorizer.Grants().Select(g => (g, g.Scope.IsWholeTree ? null : organisations.Find(g.Scope.Code)?.Name)).ToList();
        return new WhoAmI(who.Name, who.FrontEnd.ToString().ToLowerInvariant(), who.ViaSsh, grants);
    }

    /// <summary>
    /// The authorized_keys line for the service account: the key may only run shuzhi as this operator.
    /// <c>restrict</c> turns off forwarding and the like; <c>pty</c> is given back so the console works.
    /// </summary>
    public string SshLine(string name, string keyFile, string programPath)
    {
        authorizer.Require(Permission.OperatorManage);
        using (var c = database.Open())
            if (!OperatorStore.Exists(c, null, name)) throw new NotFoundException($"没有操作员 {name}（先运行 `shuzhi operator add {name}`）");
        if (!File.Exists(keyFile)) throw new NotFoundException($"找不到公钥文件：{keyFile}");
        if (new FileInfo(keyFile).Length > 16 * 1024) throw new InvalidInputException($"{keyFile} 不是 SSH 公钥文件（过大）");
        var lines = File.ReadAllLines(keyFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count != 1 || !PublicKeyPattern().IsMatch(lines[0]))
            throw new InvalidInputException($"{keyFile} 须恰好含一行 OpenSSH 公钥（如 ssh-ed25519 AAAA… 注释），不能已带选项");
        if (programPath.IndexOfAny(['"', '\\', '\n']) >= 0 || !Path.IsPathRooted(programPath))
            throw new InvalidInputException($"程序路径不能用于 authorized_keys：{programPath}");
        return $"command=\"{programPath} --operator {name}\",restrict,pty {lines[0]}";
    }

    private static bool IsRootAdministrator(OperatorGrant g) => g.Role == Role.Administrator && g.Scope is { IsWholeTree: true, Sector: null };

    private static Role ParseRole(string key) =>
        RolePermissions.Parse(key) ?? throw new InvalidInputException(
            $"角色无效：{key}。可选：{string.Join(" | ", Enum.GetValues<Role>().Select(r => $"{RolePermissions.Key(r)}（{RolePermissions.ChineseName(r)}）"))}");

    private Scope CheckScope(string code, string? sector)
    {
        if (sector is not null && !SectorKeys.IsValid(sector)) throw new InvalidInputException($"板块键无效：{sector}");
        if (code != Scope.WholeTreeCode && organisations.Find(code) is null)
            throw new NotFoundException($"没有代码为 {code} 的组织（全范围请用 *）");
        return new Scope(code, sector);
    }

    [GeneratedRegex(@"^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\r\n]*)?$")]
    private static partial Regex PublicKeyPattern();
}
