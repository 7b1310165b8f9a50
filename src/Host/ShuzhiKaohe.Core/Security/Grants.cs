namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// Where a grant applies: an organisation and its subtree (<see cref="WholeTree"/> = every organisation),
/// optionally narrowed to the organisations of one sector in it.
/// </summary>
public sealed record Scope(string Code, string? Sector)
{
    public const string WholeTreeCode = "*";

    public bool IsWholeTree => Code == WholeTreeCode;

    public override string ToString() => Sector is null ? Code : $"{Code}（{Sector}）";
}

/// <summary>One role held by an operator over a scope (revoked grants keep who revoked them and when).</summary>
public sealed record OperatorGrant(
    long Id,
    string Operator,
    Role Role,
    Scope Scope,
    string GrantedBy,
    string GrantedAt,
    string? RevokedBy,
    string? RevokedAt)
{
    public bool Active => RevokedAt is null;
}

/// <summary>An operator with the grants they hold now.</summary>
public sealed record OperatorAccount(string Name, string CreatedBy, string CreatedAt, IReadOnlyList<OperatorGrant> Grants);

/// <summary>The name of the account that creates a database: it becomes the first administrator (issue 9 §1).</summary>
public sealed record DatabaseCreator(string Name);
