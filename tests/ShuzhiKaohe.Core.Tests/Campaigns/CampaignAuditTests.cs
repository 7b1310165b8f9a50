using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Campaigns;

/// <summary>
/// Issue 9 §4 over the campaign (issue 5): every write is audited — who, through which front end, what (entity,
/// before → after) — and <c>audit verify</c> compares each record's present state with its last entry, so a row
/// changed with raw SQL is reported by entity and key.
/// </summary>
public sealed class CampaignAuditTests : IDisposable
{
    private readonly Jiangan _j = new("organiser-wang");
    private readonly TempDir _dir = new("campaign-audit");

    public void Dispose()
    {
        _j.Dispose();
        _dir.Dispose();
    }

    private AuditReport Verify() => _j.Core.Get<AuditVerifier>().Verify();

    private void AssertVerifies()
    {
        var r = Verify();
        Assert.True(r.Ok, string.Join("\n", r.Breaks.Select(b => b.Message)));
    }

    private List<AuditEntry> Entries(string entity) =>
        _j.Core.Get<AuditLog>().List(limit: 100_000).Where(e => e.Entity == entity).ToList();

    /// <summary>After <paramref name="tamper"/> (raw SQL), verify fails naming the record; undoing it verifies again.</summary>
    private void AssertTamperFound(string entity, string key, string tamper, string? undo = null, string kind = "changed")
    {
        AssertVerifies();
        _j.Exec(tamper);
        var r = Verify();
        Assert.False(r.Ok);
        Assert.Contains(r.Breaks, b => b.Kind == kind && b.Entity == entity && b.Key == key && b.Message.Contains($"{entity} {key}"));
        Assert.All(r.Breaks, b => Assert.Equal((entity, key), (b.Entity, b.Key)));
        if (undo is null) return;
        _j.Exec(undo);
        AssertVerifies();
    }

    private static string K(long id) => CampaignAudit.Key(id);

    private static BallotSheetInput Sheet(string serial, string marks) => new(serial, false, BallotService.ParseMarks(marks));

    [Fact]
    public void Creating_a_campaign_records_it_and_each_default_roster_entry_and_a_changed_year_is_named()
    {
        var id = _j.NewCampaign();
        var campaign = Assert.Single(Entries("campaign"));
        Assert.Equal(("organiser-wang", "test", "create", K(id), Jiangan.County), (campaign.Operator, campaign.FrontEnd, campaign.Action, campaign.Key, campaign.OrgCode));
        Assert.Contains("\"year\":2023", campaign.Summary);
        Assert.NotNull(campaign.StateHash);
        Assert.Equal(17, Entries("roster_entry").Count(e => e.Action == "create"));
        AssertTamperFound("campaign", K(id), $"UPDATE campaign SET year = 2022 WHERE id = {id}", $"UPDATE campaign SET year = 2023 WHERE id = {id}");
    }

    [Fact]
    public void A_stage_move_is_recorded_on_the_campaign_and_a_move_rewritten_behind_the_programs_back_is_found()
    {
        var id = _j.NewCampaign();
        _j.Campaigns.Advance(id);
        var advance = Entries("campaign").Last();
        Assert.Equal("advance", advance.Action);
        Assert.Equal("阶段：计划 → 实地考核", advance.Summary);
        AssertTamperFound("campaign", K(id), $"UPDATE campaign_stage_move SET moved_by = 'someone' WHERE campaign_id = {id} AND to_stage = 'inspection'");
    }

    [Fact]
    public void Raw_stage_changes_are_found_but_the_row_version_a_roster_change_bumps_is_not_state()
    {
        var id = _j.NewCampaign();
        _j.Campaigns.RemoveFromRoster(id, Jiangan.Yiyuan, "管理区");
        AssertVerifies();
        AssertTamperFound("campaign", K(id), $"UPDATE campaign SET stage = 'evaluation' WHERE id = {id}");
    }

    [Fact]
    public void Roster_removal_restoration_and_a_pinned_assessee_are_recorded_before_and_after()
    {
        var id = _j.NewCampaign();
        var entry = _j.Scalar($"SELECT id FROM roster_entry WHERE campaign_id = {id} AND org_code = '{Jiangan.Yiyuan}'");
        _j.Campaigns.RemoveFromRoster(id, Jiangan.Yiyuan, "管理区，不单独述职");
        var removed = Entries("roster_entry").Last();
        Assert.Equal(("remove", K(entry), Jiangan.Yiyuan), (removed.Action, removed.Key, removed.OrgCode));
        Assert.Contains("removed_reason: null → \"管理区，不单独述职\"", removed.Summary);
        _j.Campaigns.AddToRoster(id, Jiangan.Yiyuan, "恢复");
        Assert.Equal("restore", Entries("roster_entry").Last().Action);

        long term;
        using (var c = _j.Open()) term = DivisionSeed.Secretary(c, Jiangan.Dazhi, "李书记", "2020-01-01");
        _j.Campaigns.PinAssessee(id, Jiangan.Dazhi, term);
        var pinned = Entries("roster_entry").Last();
        Assert.Equal("update", pinned.Action);
        Assert.Contains($"assessee_term_id: null → {term}", pinned.Summary);

        var dazhi = _j.Scalar($"SELECT id FROM roster_entry WHERE campaign_id = {id} AND org_code = '{Jiangan.Dazhi}'");
        AssertTamperFound("roster_entry", K(dazhi), $"UPDATE roster_entry SET assessee_term_id = NULL WHERE id = {dazhi}",
            $"UPDATE roster_entry SET assessee_term_id = {term} WHERE id = {dazhi}");
        AssertTamperFound("roster_entry", K(entry), $"UPDATE roster_entry SET removed_reason = '撤并', removed_by = 'x', removed_at = 'x' WHERE id = {entry}");
    }

    [Fact]
    public void A_roster_entry_inserted_or_deleted_behind_the_programs_back_is_unrecorded_or_missing()
    {
        var id = _j.NewCampaign();
        var raw = _j.Scalar("SELECT max(id) + 100 FROM roster_entry");
        AssertTamperFound("roster_entry", K(raw),
            $"INSERT INTO roster_entry(id, campaign_id, org_code, origin, added_by, added_at) VALUES ({raw}, {id}, '{Jiangan.County}', 'extra', 'x', 'x')",
            $"DELETE FROM roster_entry WHERE id = {raw}", kind: "unrecorded");
        var entry = _j.Scalar($"SELECT id FROM roster_entry WHERE campaign_id = {id} AND org_code = '{Jiangan.Yiyuan}'");
        AssertTamperFound("roster_entry", K(entry), $"DELETE FROM roster_entry WHERE id = {entry}", kind: "missing");
    }

    [Fact]
    public void An_annual_focus_item_is_recorded_and_its_weight_changed_with_sqlite_is_named()
    {
        var id = _j.NewCampaign();
        _j.Focus.AddAnnual(id, "党建引领城市社区治理", "居民急难愁盼问题解决情况", 15m);
        var item = Assert.Single(Entries("campaign_focus_item"));
        Assert.Equal(Jiangan.County, item.OrgCode);
        Assert.Contains("annual.1", item.Summary);
        AssertTamperFound("campaign_focus_item", item.Key, $"UPDATE campaign_focus_item SET weight = 50 WHERE id = {item.Key}");
    }

    [Fact]
    public void Inspection_scores_are_recorded_with_their_evidence_and_a_changed_score_or_evidence_is_named()
    {
        var id = _j.NewCampaign();
        _j.Campaigns.Advance(id);
        _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 85, [EvidenceKind.Site, EvidenceKind.Interview], "群众评价好");
        _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 80, [EvidenceKind.Site]);
        var entries = Entries("inspection_score");
        Assert.Equal(["create", "update"], entries.Select(e => e.Action));
        Assert.Contains("score: 85.0 → 80.0", entries[1].Summary);
        Assert.Contains("evidence: [\"interview\",\"site\"] → [\"site\"]", entries[1].Summary);
        Assert.Equal(Jiangan.Dazhi, entries[1].OrgCode);
        var key = entries[0].Key;
        AssertTamperFound("inspection_score", key, $"UPDATE inspection_score SET score = 100 WHERE id = {key}", $"UPDATE inspection_score SET score = 80 WHERE id = {key}");
        AssertTamperFound("inspection_score", key, $"INSERT INTO inspection_evidence(score_id, kind) VALUES ({key}, 'records')");
    }

    [Fact]
    public void The_session_record_debriefings_and_comments_are_recorded_and_each_raw_edit_is_named()
    {
        var id = _j.InSession();
        _j.Sessions.Record(id, "区委常委会扩大会议", new DateOnly(2024, 1, 15),
            new Dictionary<AttendeeCategory, int> { [AttendeeCategory.Grassroots] = 12 });
        _j.Debriefings.Record(id, Jiangan.Dazhi, DebriefMode.Onsite, report: new ReportParts("成效", "问题", "根源", "措施") { FullText = "全文" });
        _j.Debriefings.Record(id, Jiangan.Dazhi, DebriefMode.Onsite, report: new ReportParts("成效", "新问题", "根源", "措施") { FullText = "全文二" });
        var comment = _j.Comments.Add(id, Jiangan.Dazhi, CommentBy.Superior, "1. 整改不彻底；2. 书记队伍老化", "抓好整改").Value;

        Assert.Equal("create", Assert.Single(Entries("session_meeting")).Action);
        var debriefings = Entries("debriefing");
        Assert.Equal(["create", "update"], debriefings.Select(e => e.Action));
        Assert.Contains("problems: \"问题\" → \"新问题\"", debriefings[1].Summary);
        var c = Assert.Single(Entries("comment"));
        Assert.Equal((K(comment.Id), Jiangan.Dazhi), (c.Key, c.OrgCode));

        AssertTamperFound("session_meeting", K(id), $"UPDATE session_attendance SET attendees = 40 WHERE campaign_id = {id}",
            $"UPDATE session_attendance SET attendees = 12 WHERE campaign_id = {id}");
        AssertTamperFound("debriefing", debriefings[0].Key, $"UPDATE debriefing SET problems = '无' WHERE id = {debriefings[0].Key}",
            $"UPDATE debriefing SET problems = '新问题' WHERE id = {debriefings[0].Key}");
        AssertTamperFound("comment", K(comment.Id), $"UPDATE comment SET problems = '无' WHERE id = {comment.Id}",
            $"UPDATE comment SET problems = '1. 整改不彻底；2. 书记队伍老化' WHERE id = {comment.Id}");
        AssertTamperFound("comment", K(comment.Id), $"UPDATE comment_problem SET text = '无' WHERE comment_id = {comment.Id} AND seq = 2");
    }

    [Fact]
    public void Ballots_are_recorded_one_entry_per_sheet_without_any_voter_and_a_changed_mark_names_the_sheet()
    {
        var id = _j.InSession();
        _j.Ballots.Issue(id, 10);
        _j.Ballots.Issue(id, 12);
        Assert.Equal(["create", "update"], Entries("ballot_issue").Select(e => e.Action));
        AssertTamperFound("ballot_issue", K(id), $"UPDATE ballot_issue SET issued = 3 WHERE campaign_id = {id}",
            $"UPDATE ballot_issue SET issued = 12 WHERE campaign_id = {id}");

        _j.Ballots.AddSheet(id, Sheet("A/1", $"{Jiangan.Dazhi}=好,{Jiangan.Yiyuan}=差"));
        var csv = _dir.File("sheets.csv");
        File.WriteAllText(csv, $"sheet,org_code,mark\nS1,{Jiangan.Dazhi},较好\nS1,{Jiangan.Yiyuan},\nS2,{Jiangan.Dazhi},一般\nS3,,void\n");
        _j.Ballots.Import(id, csv);

        var sheets = Entries("ballot_sheet");
        Assert.Equal([$"{id}/A/1", $"{id}/S1", $"{id}/S2", $"{id}/S3"], sheets.Select(e => e.Key));
        Assert.All(sheets, e => Assert.Equal(("organiser-wang", "create", Jiangan.County), (e.Operator, e.Action, e.OrgCode)));
        Assert.Equal("录入测评票 S3（作废），导入自 sheets.csv", sheets[3].Summary);
        Assert.Equal(2, Entries("ballot_seal").Count);
        var s2 = _j.Scalar($"SELECT id FROM ballot_sheet WHERE serial = 'S2'");
        var dazhi = _j.Scalar($"SELECT id FROM roster_entry WHERE campaign_id = {id} AND org_code = '{Jiangan.Dazhi}'");
        AssertTamperFound("ballot_sheet", $"{id}/S2", $"UPDATE ballot_mark SET mark = 1 WHERE sheet_id = {s2} AND entry_id = {dazhi}",
            $"UPDATE ballot_mark SET mark = 3 WHERE sheet_id = {s2} AND entry_id = {dazhi}");
        AssertTamperFound("ballot_sheet", $"{id}/A/1", $"DELETE FROM ballot_mark WHERE sheet_id = (SELECT id FROM ballot_sheet WHERE serial = 'A/1') AND mark = 4");
    }

    [Fact]
    public void A_sheet_inserted_with_sqlite_is_unrecorded_and_a_rewritten_seal_is_named()
    {
        var id = _j.InSession();
        _j.Ballots.AddSheet(id, Sheet("1", $"{Jiangan.Dazhi}=好"));
        AssertTamperFound("ballot_seal", K(id), $"UPDATE ballot_seal SET sheets = 2 WHERE campaign_id = {id}", $"UPDATE ballot_seal SET sheets = 1 WHERE campaign_id = {id}");
        AssertTamperFound("ballot_sheet", $"{id}/2",
            $"INSERT INTO ballot_sheet(campaign_id, serial, is_void, digest, keyed_by, keyed_at) VALUES ({id}, '2', 1, 'x', 'organiser-wang', 'x')",
            kind: "unrecorded");
    }

    [Fact]
    public void A_whole_campaign_through_the_session_verifies_including_the_assessees_fixed_when_it_ends()
    {
        using (var c = _j.Open()) DivisionSeed.Secretary(c, Jiangan.Dazhi, "张书记", "2021-01-01");
        var id = _j.InSession();
        _j.CompleteSession(id);
        _j.Ballots.AddSheet(id, Sheet("1", $"{Jiangan.Dazhi}=好"));
        _j.Campaigns.Advance(id);
        var frozen = Entries("roster_entry").Where(e => e.Action == "freeze").ToList();
        Assert.Equal(Jiangan.Dazhi, Assert.Single(frozen).OrgCode);
        AssertVerifies();
        var entities = Verify().EntitiesChecked;
        foreach (var e in new[] { "campaign", "roster_entry", "campaign_focus_item", "inspection_score", "session_meeting", "debriefing", "comment",
                     "ballot_issue", "ballot_sheet", "ballot_seal" })
            Assert.Contains(e, entities);
    }

    [Fact]
    public void Records_made_before_their_entity_was_audited_get_one_baseline_entry_and_later_raw_inserts_stay_unrecorded()
    {
        var id = _j.NewCampaign();
        // An older database: campaign rows without entries, no baseline marker.
        _j.Exec($"""
            INSERT INTO campaign(organiser_code, year, stage, focus_limit, created_at, created_by) VALUES ('{Jiangan.County}', 2020, 'closed', 12, 'then', 'old');
            DELETE FROM app_setting WHERE key = 'audit.baseline.campaign';
            """);
        Assert.Equal("unrecorded", Verify().FirstBreak!.Kind);
        using (var upgraded = new CoreHarness(_j.Core.DatabasePath, operatorName: "organiser-wang"))
        {
            var r = upgraded.Get<AuditVerifier>().Verify();
            Assert.True(r.Ok, string.Join("\n", r.Breaks.Select(b => b.Message)));
            var baseline = Assert.Single(upgraded.Get<AuditLog>().List(limit: 100_000), e => e.Action == "baseline");
            Assert.Equal("campaign", baseline.Entity);
            Assert.NotEqual(K(id), baseline.Key);
        }
        _j.Exec($"INSERT INTO campaign(organiser_code, year, stage, focus_limit, created_at, created_by) VALUES ('{Jiangan.County}', 2021, 'closed', 12, 'x', 'x')");
        using var again = new CoreHarness(_j.Core.DatabasePath, operatorName: "organiser-wang");
        var b = again.Get<AuditVerifier>().Verify().FirstBreak!;
        Assert.Equal(("unrecorded", "campaign"), (b.Kind, b.Entity));
    }

    [Fact]
    public void A_batch_that_meets_an_entry_made_outside_it_fails_instead_of_forking_the_chain()
    {
        var id = _j.NewCampaign();
        var trail = _j.Core.Get<AuditTrail>();
        using var c = _j.Open();
        using var tx = c.BeginTransaction(deferred: false);
        using var batch = trail.Batch(c, tx);
        batch.Record("touch", "campaign", K(id), Jiangan.County, "一");
        trail.Record(c, tx, "touch", "campaign", K(id), Jiangan.County, "二");
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => batch.Record("touch", "campaign", K(id), Jiangan.County, "三"));
    }
}
