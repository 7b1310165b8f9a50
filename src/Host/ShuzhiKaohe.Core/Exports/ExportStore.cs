using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Reporting;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Exports;

/// <summary>
/// Reads a campaign for the documents with the features' own stores, a few set-wise queries on one connection —
/// a 3,000-assessee campaign is read in well under a second. Only the follow-up list and the latest progress
/// note, which no feature lists yet, are queried here.
/// </summary>
internal static class ExportStore
{
    public static CampaignSnapshot Read(SqliteConnection c, Campaign campaign, DeadlineThresholds thresholds, DateOnly today)
    {
        var id = campaign.Id;
        var roster = Roster(c, campaign);
        var (issued, _) = BallotStore.Issued(c, null, id);
        var (sheets, voids) = BallotStore.Counts(c, null, id);
        var tally = BallotStore.Tally(c, id);
        var inspection = EvaluationStore.InspectionMeans(c, null, id);
        var observation = EvaluationStore.ObservationScores(c, null, id);
        var grades = EvaluationStore.Grades(c, null, id).ToDictionary(g => g.EntryId);
        var revisions = EvaluationStore.Revisions(c, null, id).ToLookup(r => r.OrgCode, StringComparer.Ordinal);
        var debriefings = DebriefingStore.ForCampaign(c, null, id).ToDictionary(d => d.OrgCode, StringComparer.Ordinal);
        var comments = CommentStore.ForCampaign(c, null, id, null).ToLookup(k => k.OrgCode, StringComparer.Ordinal);
        var interviews = RectificationStore.Interviews(c, id).Select(i => i.OrgCode).ToHashSet(StringComparer.Ordinal);
        var annual = AnnualStore.List(c, campaign.Year, false).ToDictionary(a => a.OrgCode, StringComparer.Ordinal);
        var valid = sheets - voids;

        var assessees = roster.Select(a =>
        {
            var e = a.Entry;
            var row = tally.GetValueOrDefault(e.Id) ?? new int[5];
            var rated = row[1] + row[2] + row[3] + row[4];
            return new AssesseeSnapshot(e, a.Name, a.Holder is not null, a.Predecessors.Select(p => p.PersonName).ToList(),
                debriefings.GetValueOrDefault(e.OrgCode), new BallotCounts(row[1], row[2], row[3], row[4], Math.Max(0, valid - rated)),
                inspection.TryGetValue(e.Id, out var i) ? Math.Round(i, 2) : null, observation.TryGetValue(e.Id, out var o) ? o : null,
                grades.GetValueOrDefault(e.Id), interviews.Contains(e.OrgCode), annual.GetValueOrDefault(e.OrgCode),
                comments[e.OrgCode].ToList(), revisions[e.OrgCode].ToList());
        }).OrderBy(a => a.OrgCode, StringComparer.Ordinal).ToList();

        QuotaStatus? quota = campaign.MinBelowGood is { } r
            ? Quota.Of((decimal)r).Status(grades.Values.Select(g => g.Grade).ToList()) with
            {
                Assessees = assessees.Count,
                Required = Quota.Of((decimal)r).RequiredBelowGood(assessees.Count),
            }
            : null;

        var items = RectificationStore.List(c, id, null, null);
        var carried = RectificationStore.CarriedInto(c, null, campaign.OrganiserCode, campaign.Year, null);
        return new CampaignSnapshot(campaign, MeetingStore.Find(c, null, id), issued, sheets, voids, EvaluationStore.Approval(c, null, id), quota,
            assessees, items, carried, LatestProgress(c, items.Concat(carried).Select(x => x.Id)),
            Names(c, assessees, items.Concat(carried).Select(x => x.OrgCode)), ReportingStore.Publications(c, null, id),
            FollowUps(c, id), thresholds, today, DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The active roster with each assessee resolved as <see cref="CampaignService.Show"/> does (the pinned term, else
    /// the holder at the session date or the year's end, else the last term of the year), with one query for all
    /// secretary terms instead of one per assessee.
    /// </summary>
    private static List<Assessee> Roster(SqliteConnection c, Campaign campaign)
    {
        var date = MeetingStore.HeldOn(c, null, campaign.Id) ?? new DateOnly(campaign.Year, 12, 31);
        var terms = c.List(null, """
                SELECT t.id, t.org_code, t.person_id, p.name, t.start_on, t.end_on
                  FROM secretary_term t JOIN person p ON p.id = t.person_id
                  JOIN roster_entry e ON e.org_code = t.org_code AND e.campaign_id = $c AND e.removed_reason IS NULL
                 WHERE t.start_on <= $end AND (t.end_on IS NULL OR t.end_on > $start)
                 ORDER BY t.org_code, t.start_on
                """, r => new SecretaryTerm(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), Sql.ParseDate(r.GetString(4)),
                    r.IsDBNull(5) ? null : Sql.ParseDate(r.GetString(5))),
                ("$c", campaign.Id), ("$start", $"{campaign.Year:D4}-01-01"), ("$end", $"{campaign.Year:D4}-12-31"))
            .ToLookup(t => t.OrgCode, StringComparer.Ordinal);
        return CampaignService.ActiveEntries(c, null, campaign.Id).Select(e =>
        {
            // The same rule as the campaign's own view (SecretaryOfYear.Choose), over terms read in one query.
            var year = SecretaryOfYear.Choose(terms[e.OrgCode].ToList(), date, e.AssesseeTermId);
            return new Assessee(e, year.Holder, year.Others);
        }).ToList();
    }

    private static Dictionary<string, string> Names(SqliteConnection c, IReadOnlyList<AssesseeSnapshot> roster, IEnumerable<string> others)
    {
        var names = roster.ToDictionary(a => a.OrgCode, a => a.OrgName, StringComparer.Ordinal);
        foreach (var code in others.Distinct(StringComparer.Ordinal).Where(x => !names.ContainsKey(x)).ToList())
            names[code] = c.List(null, "SELECT name FROM organisation WHERE code = $o", r => r.GetString(0), ("$o", code)).FirstOrDefault() ?? code;
        return names;
    }

    private static List<FollowUp> FollowUps(SqliteConnection c, long campaignId) =>
        c.List(null, """
            SELECT id, campaign_id, org_code, kind, scope, done_by, recorded_by, recorded_at FROM evaluation_followup WHERE campaign_id = $c ORDER BY id
            """, r => new FollowUp(r.GetInt64(0), r.GetInt64(1), r.NullableString(2),
                r.GetString(3) switch { "feedback" => FollowUpKind.Feedback, "circulate" => FollowUpKind.Circulate, _ => FollowUpKind.Archive },
                r.NullableString(4), r.GetString(5), r.GetString(6), r.GetString(7)), ("$c", campaignId));

    private static Dictionary<long, string> LatestProgress(SqliteConnection c, IEnumerable<long> itemIds)
    {
        var wanted = itemIds.ToHashSet();
        if (wanted.Count == 0) return [];
        // One pass in id order: the last note read for an item is its latest.
        var latest = new Dictionary<long, string>();
        foreach (var (itemId, text) in c.List(null, "SELECT item_id, note, recorded_at FROM rectification_progress ORDER BY id",
                     r => (r.GetInt64(0), $"{r.GetString(1)}（{r.GetString(2)[..10]}）")))
            if (wanted.Contains(itemId)) latest[itemId] = text;
        return latest;
    }
}
