using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Core.Rectification;

namespace ShuzhiKaohe.Bench.Generator;

/// <summary>What the campaigns wrote, summed.</summary>
public sealed class CampaignTotals
{
    public int Campaigns { get; set; }
    public int Assessees { get; set; }
    public long Sheets { get; set; }
    public long Marks { get; set; }
    public int InspectionScores { get; set; }
    public int RectificationItems { get; set; }
    public int Warnings { get; set; }

    /// <summary>Seconds spent in each step, summed over the campaigns: where the generation's time goes.</summary>
    public SortedDictionary<string, double> Steps { get; } = new(StringComparer.Ordinal);

    public T Time<T>(string step, Func<T> action)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = action();
        Steps[step] = Steps.GetValueOrDefault(step) + clock.Elapsed.TotalSeconds;
        return result;
    }
}

/// <summary>
/// One organiser's campaign of the year, through every stage as operators would take it with the CLI: create
/// (default roster, the quota of 第六条, a provincial campaign adding its 直属机关工委 as a chosen extra), the
/// session's record, on-site inspection (第六条, site visits and interviews), debriefings and the superior's
/// comments (第五条), routine observation, ballots issued and imported as one file (the batch entry point), the
/// sector's proposal within the quota, the committee's approval (第七条's consequences follow), circulation and
/// archiving, and a rectification list with progress. The seed and the organisation code decide every number.
/// </summary>
public sealed class CampaignCycle(IServiceProvider services, long seed, int year, string folder, OrganisationSnapshot snapshot)
{
    private readonly CampaignService _campaigns = services.GetRequiredService<CampaignService>();
    private readonly SessionService _sessions = services.GetRequiredService<SessionService>();
    private readonly InspectionService _inspection = services.GetRequiredService<InspectionService>();
    private readonly DebriefingService _debriefings = services.GetRequiredService<DebriefingService>();
    private readonly CommentService _comments = services.GetRequiredService<CommentService>();
    private readonly EvaluationService _evaluation = services.GetRequiredService<EvaluationService>();
    private readonly ApprovalService _approval = services.GetRequiredService<ApprovalService>();
    private readonly BallotService _ballots = services.GetRequiredService<BallotService>();
    private readonly RectificationService _rectification = services.GetRequiredService<RectificationService>();
    private readonly CampaignFocusService _focus = services.GetRequiredService<CampaignFocusService>();

    public void Run(OrgRow organiser, CampaignTotals totals)
    {
        var rng = Rng.For(seed, "campaign:" + organiser.Code);
        var isLocality = organiser.Sector == SectorKeys.Localities;
        var quota = 0.15 + 0.05 * rng.Below(4); // 第六条: 15–30 % 较好 or below
        var created = totals.Time("create", () => _campaigns.Create(organiser.Code, year, quota));
        var id = created.Value.Campaign.Id;
        totals.Warnings += created.Warnings.Count;
        if (isLocality && organiser.Level == 1 && snapshot.Find(organiser.Code + "JG") is { } organs)
            totals.Warnings += _campaigns.AddToRoster(id, organs.Code, "第三条：同级直属机关工委书记纳入述职评议考核").Warnings.Count;
        if (isLocality && organiser.Level <= 2)
        {
            var (title, indicator) = Texts.AnnualTask(rng);
            _focus.AddAnnual(id, title, indicator);
        }

        var sheets = Sheets(organiser, rng);
        var held = new DateOnly(year + 1, 1, rng.Between(6, 26));
        totals.Warnings += totals.Time("session", () => _sessions.Record(id, Texts.MeetingForm(organiser.Sector, organiser.Level), held, Attendance(sheets, isLocality, rng))).Warnings.Count;
        Advance(id, totals);

        var roster = totals.Time("roster", () => _campaigns.Assessees(id).Select(a => a.Entry.OrgCode).ToList());
        var quality = roster.ToDictionary(code => code, Quality, StringComparer.Ordinal);
        foreach (var code in roster)
        {
            var r = Rng.For(seed, $"inspect:{id}:{code}");
            totals.Warnings += totals.Time("inspection", () => _inspection.Record(id, code, "std.1", Score(quality[code], r), [EvidenceKind.Site, EvidenceKind.Interview], Texts.Finding(r))).Warnings.Count;
            totals.InspectionScores++;
            if (isLocality && organiser.Level <= 2)
            {
                _inspection.Record(id, code, "std.3", Score(quality[code], r), [EvidenceKind.Site], Texts.Finding(r));
                totals.InspectionScores++;
            }
        }
        Advance(id, totals);

        foreach (var code in roster)
        {
            var r = Rng.For(seed, $"debrief:{id}:{code}");
            totals.Warnings += totals.Time("debriefing", () => _debriefings.Record(id, code, DebriefMode.Onsite, report: Texts.Report(r))).Warnings.Count;
            totals.Time("comment", () => _comments.Add(id, code, CommentBy.Superior, Texts.CommentProblem(r), Texts.Direction(r)));
            totals.Time("observation", () => _evaluation.Observe(id, code, Score(quality[code], r)));
        }
        var keyed = totals.Time("ballots", () => KeyBallots(id, roster, quality, sheets, rng));
        totals.Sheets += keyed.Sheets;
        totals.Marks += keyed.Marks;
        Advance(id, totals);

        totals.Warnings += totals.Time("propose", () => _evaluation.Propose(id)).Warnings.Count;
        var approvedOn = held.AddDays(rng.Between(7, 30));
        var approval = totals.Time("approve", () => _approval.Approve(id, $"{organiser.Name}{approvedOn:yyyy年M月d日}会议研究", approvedOn)).Value;
        totals.RectificationItems += approval.Consequences.Count(c => c.RectificationId is not null);
        _approval.Record(id, FollowUpKind.Circulate, null, isLocality ? "本级各部门和下一级党组织" : "本单位各级党组织", null);
        _approval.Record(id, FollowUpKind.Archive, null, null, isLocality ? "组织部干部科" : "党委组织部");

        foreach (var code in roster)
        {
            var r = Rng.For(seed, $"rectify:{id}:{code}");
            if (!r.Chance(0.2)) continue;
            var tour = r.Chance(0.25);
            var item = _rectification.Add(code, tour ? RectificationSource.InspectionTour : RectificationSource.Comment,
                tour ? Texts.TourItem(r) : Texts.RectificationItem(r), approvedOn.AddDays(r.Between(30, 180)), id, Texts.RectificationMeasure(r), "书记");
            totals.RectificationItems++;
            if (r.Chance(0.5)) _rectification.Progress(item.Id, "已制定整改方案，正在推进");
        }
        totals.Campaigns++;
        totals.Assessees += roster.Count;
    }

    private void Advance(long id, CampaignTotals totals) => totals.Warnings += totals.Time("advance", () => _campaigns.Advance(id)).Warnings.Count;

    /// <summary>How many attend and rate (第五条): a provincial committee's enlarged meeting is larger than a bank branch's.</summary>
    private static int Sheets(OrgRow organiser, Rng rng) => (organiser.Sector, organiser.Level) switch
    {
        (SectorKeys.Localities, 1) => rng.Between(120, 200),
        (SectorKeys.Localities, 2) => rng.Between(90, 150),
        (SectorKeys.Localities, 3) => rng.Between(70, 130),
        (SectorKeys.Localities, _) => rng.Between(40, 70),
        (SectorKeys.Organs, 1) => rng.Between(40, 80),
        (SectorKeys.StateEnterprises, 1) => rng.Between(30, 60),
        (SectorKeys.Universities, 1) => rng.Between(30, 60),
        _ => rng.Between(15, 40),
    };

    /// <summary>第五、八条: the invited categories, with officials of the organisation department one level up at a locality's session.</summary>
    private static Dictionary<AttendeeCategory, int> Attendance(int total, bool locality, Rng rng)
    {
        var org = locality ? rng.Between(1, 3) : 1;
        var delegates = locality ? total / 5 : total / 8;
        var npc = locality ? total / 10 : 0;
        var cppcc = locality ? total / 10 : 0;
        return new Dictionary<AttendeeCategory, int>
        {
            [AttendeeCategory.PartyDelegate] = delegates, [AttendeeCategory.NpcDeputy] = npc, [AttendeeCategory.CppccMember] = cppcc,
            [AttendeeCategory.OrgDepartment] = org, [AttendeeCategory.Grassroots] = total - delegates - npc - cppcc - org,
        };
    }

    /// <summary>How well an organisation does this year, 0–1: most well, a few (one in sixteen) weak enough for 一般.</summary>
    private double Quality(string code)
    {
        var r = Rng.For(seed, $"quality:{year}:{code}");
        return r.Chance(1 / 16.0) ? 0.15 + 0.25 * r.Unit() : 0.5 + 0.45 * r.Unit();
    }

    private static double Score(double quality, Rng r) => Math.Round(Math.Clamp(60 + 38 * quality + r.Between(-40, 40) / 10.0, 0, 100), 1);

    /// <summary>
    /// The paper sheets as a clerk would key them from a file (ballot import: one transaction, all or nothing): a
    /// few of the issued sheets not returned, one in seventy void, marks drawn from each reporter's quality, a rare blank.
    /// </summary>
    private (int Sheets, long Marks) KeyBallots(long id, IReadOnlyList<string> roster, IReadOnlyDictionary<string, double> quality, int issued, Rng rng)
    {
        _ballots.Issue(id, issued);
        var returned = issued - rng.Between(0, Math.Max(1, issued / 25));
        var csv = new StringBuilder("sheet,org_code,mark\n");
        var marks = 0L;
        for (var s = 1; s <= returned; s++)
        {
            var serial = s.ToString("D4", CultureInfo.InvariantCulture);
            if (rng.Chance(1 / 70.0))
            {
                csv.Append(serial).Append(",,void\n");
                continue;
            }
            foreach (var code in roster)
            {
                var q = quality[code];
                var x = rng.Unit();
                var mark = x < q ? "好" : x < q + (1 - q) * 0.7 ? "较好" : x < q + (1 - q) * 0.92 ? "一般" : x < q + (1 - q) * 0.97 ? "差" : "";
                csv.Append(serial).Append(',').Append(code).Append(',').Append(mark).Append('\n');
                if (mark.Length > 0) marks++;
            }
        }
        var file = Path.Combine(folder, "ballots.csv");
        File.WriteAllText(file, csv.ToString(), new UTF8Encoding(false));
        var result = _ballots.Import(id, file).Value;
        if (result.Marks != marks) throw new InvalidOperationException($"考核 {id}：写入评价 {marks} 条，导入 {result.Marks} 条");
        return (result.Sheets, result.Marks);
    }
}
