using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Campaigns;

public sealed class BallotTests : IDisposable
{
    private readonly Jiangan _j = new("clerk-li");
    private readonly TempDir _dir = new("ballot");

    public void Dispose()
    {
        _j.Dispose();
        _dir.Dispose();
    }

    private static BallotSheetInput Sheet(string serial, string marks) => new(serial, false, BallotService.ParseMarks(marks));

    [Fact]
    public void No_ballot_table_has_a_column_that_could_hold_a_voters_identity()
    {
        // Allowed: keys, the serial, marks, void, the digests and seal, and who KEYED the sheet (an operator, audited).
        string[] allowed = ["campaign_id", "issued", "recorded_by", "recorded_at", "row_version", "id", "serial", "is_void", "digest",
            "keyed_by", "keyed_at", "sheet_id", "entry_id", "mark", "sheets", "marks", "hash", "sealed_at"];
        using var c = _j.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name LIKE 'ballot%'";
        using var r = cmd.ExecuteReader();
        var columns = new List<string>();
        while (r.Read()) columns.Add($"{r.GetString(0)}.{r.GetString(1)}");
        Assert.NotEmpty(columns);
        Assert.All(columns, col => Assert.Contains(col.Split('.')[1], allowed));
        Assert.DoesNotContain(columns, col => col.Contains("voter") || col.Contains("person") || col.Contains("attendee"));
    }

    [Fact]
    public void The_tally_counts_marks_blanks_void_sheets_and_turnout()
    {
        var id = _j.InSession();
        _j.Ballots.Issue(id, 4);
        _j.Ballots.AddSheet(id, Sheet("001", $"{Jiangan.Dazhi}=好,{Jiangan.Yiyuan}=较好"));
        _j.Ballots.AddSheet(id, Sheet("002", $"{Jiangan.Dazhi}=good,{Jiangan.Yiyuan}=差"));
        _j.Ballots.AddSheet(id, Sheet("003", $"{Jiangan.Dazhi}=一般"));
        _j.Ballots.AddSheet(id, new BallotSheetInput("004", true, new Dictionary<string, Grade?>()));
        var t = _j.Ballots.Tally(id).Value;
        Assert.Equal((4, 4, 1, 3), (t.Issued!.Value, t.Sheets, t.Void, t.Valid));
        Assert.Equal(1.0, t.Turnout);
        var dazhi = t.Assessees.Single(a => a.Code == Jiangan.Dazhi).Counts;
        Assert.Equal(new BallotCounts(2, 0, 1, 0, 0), dazhi);
        var yiyuan = t.Assessees.Single(a => a.Code == Jiangan.Yiyuan).Counts;
        Assert.Equal(new BallotCounts(0, 1, 0, 1, 1), yiyuan);
        Assert.Equal(17, t.Assessees.Count);
        Assert.Equal(3, t.Assessees.Single(a => a.Code == "420102004").Counts.Blank);
        Assert.True(t.SealMatches);
        Assert.Matches("^[0-9a-f]{64}$", t.Hash);
    }

    [Fact]
    public void A_serial_entered_twice_is_refused_citing_article_5()
    {
        var id = _j.InSession();
        _j.Ballots.AddSheet(id, Sheet("A-7", $"{Jiangan.Dazhi}=好"));
        var e = Assert.Throws<RuleViolationException>(() => _j.Ballots.AddSheet(id, Sheet("A-7", $"{Jiangan.Dazhi}=差")));
        Assert.Equal("第五条", e.Article);
        Assert.Equal(1, _j.Ballots.Tally(id).Value.Sheets);
    }

    [Fact]
    public void Sheets_are_keyed_only_during_the_session() =>
        Assert.Throws<InvalidInputException>(() => _j.Ballots.AddSheet(_j.NewCampaign(), Sheet("1", $"{Jiangan.Dazhi}=好")));

    [Fact]
    public void More_sheets_than_were_issued_are_refused()
    {
        var id = _j.InSession();
        _j.Ballots.Issue(id, 1);
        _j.Ballots.AddSheet(id, Sheet("1", $"{Jiangan.Dazhi}=好"));
        Assert.Throws<InvalidInputException>(() => _j.Ballots.AddSheet(id, Sheet("2", $"{Jiangan.Dazhi}=好")));
    }

    [Fact]
    public void A_mark_for_someone_off_the_roster_is_refused() =>
        Assert.Throws<InvalidInputException>(() => _j.Ballots.AddSheet(_j.InSession(), Sheet("1", "420103=好")));

    [Fact]
    public void Who_keyed_a_sheet_is_recorded_and_nothing_else_about_people()
    {
        var id = _j.InSession();
        _j.Ballots.AddSheet(id, Sheet("1", $"{Jiangan.Dazhi}=好"));
        Assert.Equal(1, _j.Scalar("SELECT count(*) FROM ballot_sheet WHERE keyed_by = 'clerk-li'"));
    }

    [Fact]
    public void An_import_is_all_or_nothing_and_names_every_bad_line()
    {
        var id = _j.InSession();
        var file = _dir.File("b.csv");
        File.WriteAllText(file, $"""
            sheet,org_code,mark
            1,{Jiangan.Dazhi},好
            1,{Jiangan.Yiyuan},优秀
            2,,void
            2,{Jiangan.Dazhi},好
            3,420103,好
            4,{Jiangan.Dazhi}
            """);
        var e = Assert.Throws<InvalidInputException>(() => _j.Ballots.Import(id, file));
        Assert.Contains("第 3 行", e.Message);
        Assert.Contains("第 5 行", e.Message);
        Assert.Contains("420103", e.Message);
        Assert.Contains("第 7 行", e.Message);
        Assert.Equal(0, _j.Scalar("SELECT count(*) FROM ballot_sheet"));
    }

    [Fact]
    public void An_import_keys_sheets_void_sheets_and_blanks()
    {
        var id = _j.InSession();
        var file = _dir.File("b.csv");
        File.WriteAllText(file, $"\uFEFFsheet,org_code,mark\r\n1,{Jiangan.Dazhi},好\r\n1,{Jiangan.Yiyuan},\r\n2,,void\r\n3,{Jiangan.Dazhi},fairly_good\r\n");
        var r = _j.Ballots.Import(id, file).Value;
        Assert.Equal((3, 1, 2L), (r.Sheets, r.Void, r.Marks));
        var t = _j.Ballots.Tally(id).Value;
        Assert.Equal(new BallotCounts(1, 1, 0, 0, 0), t.Assessees.Single(a => a.Code == Jiangan.Dazhi).Counts);
        Assert.Equal(2, t.Assessees.Single(a => a.Code == Jiangan.Yiyuan).Counts.Blank);
        Assert.Equal(r.Hash, t.Hash);
    }

    [Fact]
    public void Verify_names_the_sheet_changed_behind_the_programs_back()
    {
        var id = _j.InSession();
        _j.Ballots.AddSheet(id, Sheet("001", $"{Jiangan.Dazhi}=好,{Jiangan.Yiyuan}=好"));
        _j.Ballots.AddSheet(id, Sheet("002", $"{Jiangan.Dazhi}=好"));
        Assert.True(_j.Ballots.Verify(id).Ok);

        _j.Exec("UPDATE ballot_mark SET mark = 4 WHERE sheet_id = (SELECT id FROM ballot_sheet WHERE serial = '002')");
        var v = _j.Ballots.Verify(id);
        Assert.False(v.Ok);
        Assert.Equal(["002"], v.ChangedSheets);
        var tally = _j.Ballots.Tally(id);
        Assert.True(tally.Value.SealMatches); // digests themselves were not touched: only verify recomputes content
    }

    [Fact]
    public void Verify_notices_a_sheet_deleted_or_a_mark_added_behind_the_programs_back()
    {
        var id = _j.InSession();
        _j.Ballots.AddSheet(id, Sheet("001", $"{Jiangan.Dazhi}=好"));
        _j.Ballots.AddSheet(id, Sheet("002", $"{Jiangan.Dazhi}=好"));
        _j.Exec($"INSERT INTO ballot_mark(sheet_id, entry_id, campaign_id, mark) SELECT s.id, e.id, s.campaign_id, 4 FROM ballot_sheet s, roster_entry e WHERE s.serial = '001' AND e.org_code = '{Jiangan.Yiyuan}'");
        Assert.Equal(["001"], _j.Ballots.Verify(id).ChangedSheets);
        _j.Exec("DELETE FROM ballot_mark WHERE sheet_id = (SELECT id FROM ballot_sheet WHERE serial = '002'); DELETE FROM ballot_sheet WHERE serial = '002'");
        var v = _j.Ballots.Verify(id);
        Assert.Contains(v.Problems, p => p.Contains("张数"));
        Assert.False(_j.Ballots.Tally(id).Value.SealMatches);
    }

    [Fact]
    public void The_tally_reads_one_covering_index_without_a_sort()
    {
        var plan = _j.QueryPlan(BallotStore.TallySql, "$c", 1);
        Assert.Contains(plan, p => p.Contains("USING COVERING INDEX ballot_mark_tally"));
        Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE"));
    }
}
