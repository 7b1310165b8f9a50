using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Security;

/// <summary>Who the operator is: the decision table of Security/OperatorIdentity.cs, and the OS facts it rests on.</summary>
public sealed class IdentityTests : IDisposable
{
    private readonly TempDir _dir = new("id");
    private const uint Owner = 1001;
    private static string Names(uint uid) => uid == Owner ? "shuzhi" : $"u{uid}";

    private static string Decide(string? requested, uint euid, uint? owner, string login = "me") =>
        OperatorIdentity.Decide(requested, "/srv/shuzhi/shuzhi.db", euid, login, _ => owner, Names);

    [Fact]
    public void The_owner_account_acts_as_the_operator_its_forced_command_names() =>
        Assert.Equal("alice", Decide("alice", Owner, Owner, "shuzhi"));

    [Fact]
    public void Without_operator_option_the_os_login_is_the_operator() =>
        Assert.Equal("wang", Decide(null, Owner, Owner, "wang"));

    [Fact]
    public void Operator_option_from_another_account_is_refused_with_exit_3_and_says_why()
    {
        var e = Assert.Throws<NotPermittedException>(() => Decide("alice", 1002, Owner, "mallory"));
        Assert.Equal(3, e.ExitCode);
        Assert.Contains("--operator 只对数据库文件的所有者账户有效", e.Message);
        Assert.Contains("shuzhi", e.Message);
    }

    [Fact]
    public void Another_account_may_not_use_the_database_even_as_itself()
    {
        var e = Assert.Throws<NotPermittedException>(() => Decide(null, 1002, Owner, "mallory"));
        Assert.Contains("不能打开它", e.Message);
    }

    [Fact]
    public void Root_is_no_exception_to_the_owner_rule() =>
        Assert.Throws<NotPermittedException>(() => Decide("alice", 0, Owner, "root"));

    [Fact]
    public void A_database_not_yet_created_will_be_this_processs_own() =>
        Assert.Equal("alice", Decide("alice", 1002, null));

    [Fact]
    public void Names_that_could_break_an_authorized_keys_line_are_refused()
    {
        foreach (var bad in new[] { "a b", "a\"b", "", "-x", "a,b", new string('a', 65) })
            Assert.Throws<NotPermittedException>(() => Decide(bad, Owner, Owner));
    }

    [Fact]
    public void The_effective_uid_matches_the_kernels_account_of_this_process()
    {
        var uidLine = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var effective = uint.Parse(uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2]);
        Assert.Equal(effective, ProcessAccount.EffectiveUid);
    }

    [Fact]
    public void A_file_this_process_creates_is_its_own_and_etc_passwd_is_roots()
    {
        var f = _dir.File("mine");
        File.WriteAllText(f, "x");
        Assert.Equal(ProcessAccount.EffectiveUid, ProcessAccount.OwnerOf(f));
        Assert.Equal(0u, ProcessAccount.OwnerOf("/etc/passwd"));
        Assert.Null(ProcessAccount.OwnerOf(_dir.File("missing")));
        Assert.Null(ProcessAccount.OwnerOf(_dir.File("missing/below")));
        Assert.Equal("root", ProcessAccount.NameOf(0));
    }

    public void Dispose() => _dir.Dispose();
}
