using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Cli;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests.Security;

/// <summary>
/// Role × {own subtree, sibling subtree, parent} × verb → allowed (exit 0) or not permitted (exit 3), through the
/// real verbs in process. Each role is granted over county 11 of the tree 1 → {11 → 111, 12 → 121}; "own" runs
/// the verb on 111, "sibling" on 12, "parent" on 1. A new verb is one more row of <see cref="Rows"/>.
/// </summary>
public sealed class ScopeMatrixTests : IDisposable
{
    /// <summary>
    /// One verb. <c>{org}</c> is replaced by the organisation of the relation, <c>{n}</c> by a fresh number and
    /// <c>{dir}</c> by a scratch folder. Expected outcomes are the roles allowed, as letters:
    /// A administrator, O organiser, I inspector, C clerk, R reader; '.' = refused with exit 3. A verb without
    /// <c>{org}</c> is not about an organisation: only <see cref="Row.Own"/> applies.
    /// </summary>
    private sealed record Row(string Verb, string Own, string? Sibling = null, string? Parent = null);

    private static readonly Row[] Rows =
    [
        new("db check", "AOICR"),
        new("db init", "....."),
        new("db backup {dir}/copy{n}.db", "....."),
        new("plugin list", "AOICR"),
        new("plugin approve shuzhi.localities", "....."),
        new("operator whoami", "AOICR"),
        new("operator list", "....."),
        new("operator add someone{n}", "....."),
        new("operator grant target --role reader --scope {org}", ".....", ".....", "....."),
        new("audit list", "AO..R"),
        new("audit list --org {org}", "AO..R", ".....", "....."),
        new("audit verify", "....."),
    ];

    private static readonly (Role Role, char Letter)[] Roles =
        [(Role.Administrator, 'A'), (Role.Organiser, 'O'), (Role.Inspector, 'I'), (Role.Clerk, 'C'), (Role.Reader, 'R')];

    private static readonly (string Relation, string Org)[] Relations = [("own", "111"), ("sibling", "12"), ("parent", "1")];

    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var r in Rows) data.Add(r.Verb);
        return data;
    }

    private readonly TempDir _dir = new("matrix");
    private readonly List<CoreHarness> _harnesses = [];
    private int _n;

    public ScopeMatrixTests()
    {
        using var admin = new CoreHarness(Db, pluginPaths: [], operatorName: "root_admin");
        admin.Get<Database>().EnsureReady();
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO organisation(code, name, parent_code, sector, level) VALUES
                  ('1', '市委', NULL, 'localities', 2), ('11', 'A县委', '1', 'localities', 3), ('12', 'B县委', '1', 'localities', 3),
                  ('111', 'A镇党委', '11', 'localities', 4), ('121', 'B镇党委', '12', 'localities', 4);
                """;
            cmd.ExecuteNonQuery();
        }
        var ops = admin.Get<OperatorAdmin>();
        ops.Add("target");
        foreach (var (role, _) in Roles)
        {
            ops.Add(Name(role));
            ops.Grant(Name(role), RolePermissions.Key(role), "11", null);
        }
    }

    private string Db => _dir.File("matrix.db");
    private static string Name(Role role) => "county_" + RolePermissions.Key(role);

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Each_role_may_use_the_verb_exactly_where_the_matrix_says(string verb)
    {
        var row = Rows.Single(r => r.Verb == verb);
        var mismatches = new List<string>();
        foreach (var (relation, org) in Relations)
        {
            var expected = relation switch { "own" => row.Own, "sibling" => row.Sibling, _ => row.Parent };
            if (expected is null) continue;
            foreach (var (role, letter) in Roles)
            {
                var allowed = expected.Contains(letter);
                var (code, err) = Run(Name(role), verb.Replace("{org}", org).Replace("{n}", (++_n).ToString()).Replace("{dir}", _dir.Path));
                if (code != (allowed ? 0 : 3) || (!allowed && !err.Contains("无权限", StringComparison.Ordinal)))
                    mismatches.Add($"{RolePermissions.Key(role)} {relation}: expected {(allowed ? "0" : "3 无权限")}, got {code}: {err.Trim()}");
            }
        }
        Assert.True(mismatches.Count == 0, $"shuzhi {verb}\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void The_whole_tree_administrator_may_use_every_verb_everywhere()
    {
        foreach (var row in Rows)
            foreach (var (_, org) in Relations)
            {
                var (code, err) = Run("root_admin", row.Verb.Replace("{org}", org).Replace("{n}", (++_n).ToString()).Replace("{dir}", _dir.Path));
                Assert.True(code == 0 || (code == 1 && err.Contains("已有相同", StringComparison.Ordinal)), $"{row.Verb} @ {org}: {code} {err}");
            }
    }

    /// <summary>The verb line through the real CLI, in process, as the operator (the host's check included).</summary>
    private (int Code, string Err) Run(string operatorName, string line)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var app = new CliApp(_ =>
        {
            var h = new CoreHarness(Db, pluginPaths: [RepoPaths.Plugins], operatorName: operatorName);
            _harnesses.Add(h);
            h.Get<Authorizer>().EnsureKnown();
            return h.Services;
        }, _ => ExitCodes.Usage, output, error);
        return (app.Invoke(ShellWords.Split(line)), error.ToString());
    }

    public void Dispose()
    {
        foreach (var h in _harnesses) h.Dispose();
        _dir.Dispose();
    }
}
