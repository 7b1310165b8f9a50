using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// Decides who the operator is (issue 9 §1). The database belongs to one OS account (owner-only file):
/// <list type="bullet">
/// <item>another account may not use it at all — refused before anything opens it;</item>
/// <item>the owner account may act as a named operator with <c>--operator NAME</c> — that is what the SSH
/// forced command of each operator's key runs (the operator cannot change it: see <see cref="ForcedCommand"/>);</item>
/// <item>without <c>--operator</c> the OS login is the operator (a single-user install).</item>
/// </list>
/// A database that does not exist yet will be created by this process, which then owns it.
/// Whether the name is a registered operator is checked afterwards, against the database (<see cref="Authorizer.EnsureKnown"/>).
/// </summary>
public static class OperatorIdentity
{
    /// <summary>What an operator name may look like: it goes into authorized_keys lines and the audit trail.</summary>
    public static bool IsValidName(string? name) => TextShapes.IsOperatorName(name);

    public const string NameRule = "操作员名须为 1–64 个字符：字母、数字、下划线、点或连字符，以字母或下划线开头";

    /// <param name="requested">The value of <c>--operator</c>, if given.</param>
    /// <param name="databasePath">The database the process is about to open.</param>
    /// <param name="effectiveUid">The process's effective uid.</param>
    /// <param name="loginName">The account name of <paramref name="effectiveUid"/>.</param>
    /// <param name="ownerOf">The owner uid of a file, or null when it does not exist.</param>
    /// <param name="nameOf">An account name for a uid (messages only).</param>
    public static string Decide(string? requested, string databasePath, uint effectiveUid, string loginName,
        Func<string, uint?> ownerOf, Func<uint, string> nameOf)
    {
        var owner = ownerOf(Path.GetFullPath(databasePath));
        if (owner is { } o && o != effectiveUid)
        {
            if (requested is not null)
                throw new NotPermittedException(
                    $"--operator 只对数据库文件的所有者账户有效：数据库 {databasePath} 属于账户 {nameOf(o)}，当前账户是 {loginName}。" +
                    "操作员应通过 SSH 密钥的强制命令进入（见 docs/operations.md）。");
            throw new NotPermittedException(
                $"数据库 {databasePath} 属于账户 {nameOf(o)}，账户 {loginName} 不能打开它：数据库只供其所有者账户使用，" +
                "操作员应通过 SSH 密钥的强制命令进入（见 docs/operations.md）。");
        }
        var name = requested ?? loginName;
        if (!IsValidName(name)) throw new NotPermittedException($"操作员名无效：{name}。{NameRule}");
        return name;
    }

    /// <summary>The decision for this process.</summary>
    public static string Decide(string? requested, string databasePath) =>
        Decide(requested, databasePath, ProcessAccount.EffectiveUid, ProcessAccount.UserName, ProcessAccount.OwnerOf, ProcessAccount.NameOf);
}
