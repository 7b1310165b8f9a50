using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests.Security;

/// <summary>
/// Issue 9 §4 through the real executable: a campaign's writes are audited as they are made from the CLI, and
/// `shuzhi audit verify` (exit 1) names a campaign row and a ballot mark changed with raw SQL behind the
/// program's back; undoing the edit makes it verify again.
/// </summary>
public sealed class AuditTamperEndToEndTests : IDisposable
{
    private const string County = "420102";
    private readonly CliSession _cli = new("e2e-tamper");

    public void Dispose() => _cli.Dispose();

    private void Verifies()
    {
        var r = _cli.Run("audit", "verify", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.True(r.Json().GetProperty("ok").GetBoolean());
    }

    private ProcessResult Broken(string entity, string key)
    {
        var r = _cli.Run("audit", "verify", "--json");
        Assert.True(r.ExitCode == 1, r.ToString());
        var first = r.Json().GetProperty("first_break");
        Assert.Equal((entity, key), (first.GetProperty("entity").GetString(), first.GetProperty("key").GetString()));
        Assert.Contains($"{entity} {key} ", r.Stderr);
        Assert.Contains("本程序之外", r.Stderr);
        return r;
    }

    [Fact]
    public void Audit_verify_names_a_campaign_row_and_a_ballot_mark_changed_with_raw_sql()
    {
        _cli.Ok("db", "init");
        var streets = _cli.LoadCounty(County);
        var id = _cli.Ok("campaign", "create", "--organiser", County, "--year", "2023").Json().GetProperty("id").GetInt64();
        _cli.Ok("campaign", "roster", "remove", "--campaign", $"{id}", "--org", streets[^1].Code, "--reason", "管理区");
        _cli.Ok("campaign", "advance", "--campaign", $"{id}");
        _cli.Ok("campaign", "advance", "--campaign", $"{id}");
        _cli.Ok("ballot", "issue", "--campaign", $"{id}", "--count", "3");
        _cli.Ok("ballot", "add", "--campaign", $"{id}", "--sheet", "S001", "--marks", $"{streets[0].Code}=好,{streets[1].Code}=一般");
        var csv = _cli.Dir.File("sheets.csv");
        File.WriteAllText(csv, $"sheet,org_code,mark\nS002,{streets[0].Code},较好\nS002,{streets[1].Code},差\nS003,,void\n");
        _cli.Ok("ballot", "import", "--campaign", $"{id}", csv);
        Verifies();

        // What the trail says, through the CLI: who, which front end, what.
        var list = _cli.Ok("audit", "list", "--org", County).Json();
        var sheets = list.EnumerateArray().Where(e => e.GetProperty("entity").GetString() == "ballot_sheet").ToList();
        Assert.Equal([$"{id}/S001", $"{id}/S002", $"{id}/S003"], sheets.Select(e => e.GetProperty("key").GetString()));
        Assert.All(sheets, e => Assert.Equal("cli", e.GetProperty("front_end").GetString()));
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("entity").GetString() == "campaign"
            && e.GetProperty("summary").GetString() == "阶段：实地考核 → 述职评议会");

        // A campaign row, then a ballot mark, changed behind the program's back.
        _cli.Sql($"UPDATE campaign SET min_below_good = 0.9 WHERE id = {id}");
        Broken("campaign", $"{id}");
        _cli.Sql($"UPDATE campaign SET min_below_good = NULL WHERE id = {id}");
        Verifies();

        _cli.Sql($"""
            UPDATE ballot_mark SET mark = 1
             WHERE sheet_id = (SELECT id FROM ballot_sheet WHERE serial = 'S002')
               AND entry_id = (SELECT id FROM roster_entry WHERE org_code = '{streets[1].Code}')
            """);
        Broken("ballot_sheet", $"{id}/S002");
        // ballot verify agrees, from the sheet's own digest.
        Assert.Equal(1, _cli.Run("ballot", "verify", "--campaign", $"{id}").ExitCode);
    }
}
