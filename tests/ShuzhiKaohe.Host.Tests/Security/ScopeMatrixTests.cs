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
    /// <c>{org}</c> is not about an organisation: only <see cref="Row.Own"/> applies. <c>{campaign}</c> is the 2023
    /// campaign organised by 11 (own), 12 (sibling) or 1 (parent), all in plan, and <c>{entry}</c> an organisation on
    /// its roster (111, 121, 11). With <see cref="Row.RuleMayRefuse"/> an allowed role may also be refused by a rule
    /// (exit 1, e.g. the campaign is not in the stage the verb needs) or find the record gone (exit 3 without
    /// "无权限", e.g. an entry another role removed first): the matrix is about permission.
    /// </summary>
    private sealed record Row(string Verb, string Own, string? Sibling = null, string? Parent = null, bool RuleMayRefuse = false);

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
        new("org show {org}", "AOICR", ".....", "....."),
        new("org list --under {org}", "AOICR", ".....", "....."),
        new("org find 镇党委", "AOICR"),
        new("person list --org {org}", "AOICR", ".....", "....."),
        // The campaign (issue 5): every verb, on the own, sibling and parent county's campaign.
        new("campaign list", "AOICR"),
        new("campaign show --campaign {campaign}", "AOICR", ".....", "....."),
        new("campaign create --organiser {org} --year 2024", "AO...", ".....", ".....", RuleMayRefuse: true),
        new("campaign roster add --campaign {campaign} --org {entry}", "AO...", ".....", ".....", RuleMayRefuse: true),
        new("campaign roster remove --campaign {campaign} --org {entry} --reason 合并{n}", "AO...", ".....", ".....", RuleMayRefuse: true),
        new("campaign roster assessee --campaign {campaign} --org {entry}", "AO...", ".....", ".....", RuleMayRefuse: true),
        new("focus list --campaign {campaign}", "AOICR", ".....", "....."),
        new("focus add --campaign {campaign} --title 党建引领社区治理{n}", "AO...", ".....", "....."),
        new("session record --campaign {campaign} --form 区委常委会扩大会议 --date 2024-01-15", "AO...", ".....", "....."),
        new("session show --campaign {campaign}", "AOICR", ".....", ".....", RuleMayRefuse: true),
        new("inspect add --campaign {campaign} --org {entry} --item std.3 --score 80 --evidence site", "AOI..", ".....", ".....", RuleMayRefuse: true),
        new("inspect list --campaign {campaign}", "AOICR", ".....", "....."),
        new("debrief add --campaign {campaign} --org {entry} --mode onsite", "AO...", ".....", ".....", RuleMayRefuse: true),
        new("debrief list --campaign {campaign}", "AOICR", ".....", "....."),
        new("comment add --campaign {campaign} --org {entry} --by superior --problems 问题", "AO...", ".....", ".....", RuleMayRefuse: true),
        new("comment list --campaign {campaign}", "AOICR", ".....", "....."),
        new("ballot issue --campaign {campaign} --count 10", "AO.C.", ".....", "....."),
        new("ballot add --campaign {campaign} --sheet S{n} --marks {entry}=好", "AO.C.", ".....", ".....", RuleMayRefuse: true),
        // Clerks: no running tally while the campaign has not left the session (issue 9 §3).
        new("ballot tally --campaign {campaign}", "AO..R", ".....", "....."),
        new("ballot verify --campaign {campaign}", "AO..R", ".....", "....."),
        // Last: the whole-tree administrator's walk through every row moves each campaign on.
        new("campaign advance --campaign {campaign}", "AO...", ".....", ".....", RuleMayRefuse: true),
    ];

    private static readonly (Role Role, char Letter)[] Roles =
        [(Role.Administrator, 'A'), (Role.Organiser, 'O'), (Role.Inspector, 'I'), (Role.Clerk, 'C'), (Role.Reader, 'R')];

    private static readonly (string Relation, string Org)[] Relations = [("own", "111"), ("sibling", "12"), ("parent", "1")];

    /// <summary>Per relation: the organiser of its campaign and an organisation on that campaign's roster.</summary>
    private static readonly Dictionary<string, (string Organiser, string Entry)> CampaignOf = new()
    {
        ["own"] = ("11", "111"), ["sibling"] = ("12", "121"), ["parent"] = ("1", "11"),
    };

    private readonly Dictionary<string, long> _campaigns = [];

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
        foreach (var (relation, (organiser, _)) in CampaignOf)
            _campaigns[relation] = admin.Get<Core.Campaigns.CampaignService>().Create(organiser, 2023).Value.Campaign.Id;
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
                var (code, err) = Run(Name(role), Fill(verb, relation, org));
                var ok = allowed ? Permitted(row, code, err) : code == 3 && err.Contains("无权限", StringComparison.Ordinal);
                if (!ok)
                    mismatches.Add($"{RolePermissions.Key(role)} {relation}: expected {(allowed ? "0" : "3 无权限")}, got {code}: {err.Trim()}");
            }
        }
        Assert.True(mismatches.Count == 0, $"shuzhi {verb}\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void The_whole_tree_administrator_may_use_every_verb_everywhere()
    {
        foreach (var row in Rows)
            foreach (var (relation, org) in Relations)
            {
                var (code, err) = Run("root_admin", Fill(row.Verb, relation, org));
                Assert.True(Permitted(row, code, err) || (code == 1 && err.Contains("已有相同", StringComparison.Ordinal)),
                    $"{row.Verb} @ {org}: {code} {err}");
            }
    }

    [Fact]
    public void Search_shows_a_scoped_operator_only_organisations_of_its_own_subtree()
    {
        var output = RunOut(Name(Role.Reader), "org find 镇党委 --json");
        Assert.Contains("A镇党委", output);
        Assert.DoesNotContain("B镇党委", output);
        Assert.Contains("B镇党委", RunOut("root_admin", "org find 镇党委 --json"));
    }

    [Fact]
    public void Bulk_imports_need_a_whole_tree_administrator_even_for_an_organiser_of_the_tree()
    {
        var file = _dir.File("orgs.csv");
        File.WriteAllText(file, "code,name,parent_code,level\n112,新镇党委,11,4\n");
        foreach (var (role, _) in Roles.Where(r => r.Role != Role.Administrator))
            foreach (var verb in new[] { $"org import {file}", $"person import {file}" })
            {
                var (code, err) = Run(Name(role), verb);
                Assert.True(code == 3 && err.Contains("无权限", StringComparison.Ordinal), $"{Name(role)} {verb}: {code} {err}");
            }
    }

    /// <summary>Done, or (for a row that allows it) refused by a rule or not found — never "not permitted".</summary>
    private static bool Permitted(Row row, int code, string err) =>
        code == 0 || (row.RuleMayRefuse && code is 1 or 3 && !err.Contains("无权限", StringComparison.Ordinal));

    private string Fill(string verb, string relation, string org) =>
        verb.Replace("{org}", org).Replace("{n}", (++_n).ToString()).Replace("{dir}", _dir.Path)
            .Replace("{campaign}", _campaigns[relation].ToString()).Replace("{entry}", CampaignOf[relation].Entry);

    private string RunOut(string operatorName, string line)
    {
        var output = new StringWriter();
        var app = new CliApp(_ =>
        {
            var h = new CoreHarness(Db, pluginPaths: [RepoPaths.Plugins], operatorName: operatorName);
            _harnesses.Add(h);
            h.Get<Authorizer>().EnsureKnown();
            return h.Services;
        }, _ => ExitCodes.Usage, output, new StringWriter());
        Assert.Equal(0, app.Invoke(ShellWords.Split(line)));
        return output.ToString();
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
