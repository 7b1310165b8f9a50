using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Reporting;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Core.Exports;

/// <summary>
/// The tables of each document, from a <see cref="CampaignSnapshot"/>: what xlsx, CSV and JSON carry (the docx
/// documents are written from the same snapshot by <see cref="WordDocuments"/>).
/// </summary>
public static class ExportTables
{
    private static ExportColumn Text(string key, string header, double width = 12) => new(key, header, CellKind.Text, width);
    private static ExportColumn Int(string key, string header, double width = 7) => new(key, header, CellKind.Integer, width);
    private static ExportColumn Num(string key, string header, double width = 10) => new(key, header, CellKind.Number, width);
    private static ExportColumn Pct(string key, string header, double width = 9) => new(key, header, CellKind.Percent, width);

    public static ExportContent For(ExportDocument document, CampaignSnapshot s, CampaignSummary? upward = null) => document switch
    {
        ExportDocument.Summary => Summary(s),
        ExportDocument.Evaluations => Evaluations(s),
        ExportDocument.Rectification => Rectification(s),
        ExportDocument.Reports => Reports(s),
        ExportDocument.Upward => Upward(s, upward ?? throw new ArgumentNullException(nameof(upward))),
        _ => Personnel(s),
    };

    private static string Subtitle(CampaignSnapshot s) =>
        $"考核编号 {s.Campaign.Id}　阶段：{CampaignStages.Chinese(s.Campaign.Stage)}　" +
        (s.Approved ? $"党委（党组）研究批准：{ExportWords.Day(s.Approval!.ApprovedAt)}{(s.Approval.Meeting is { } m ? $"（{m}）" : "")}" : "等次未审定") +
        $"　制表：{s.GeneratedAt}";

    /// <summary>汇总表: one row per assessee (第五、六条), the distribution and the quota check (第六条) on a second sheet.</summary>
    public static ExportContent Summary(CampaignSnapshot s)
    {
        var items = s.Items;
        var rows = s.Assessees.Select(a => new object?[]
        {
            a.OrgCode, a.OrgName, a.Secretary, ExportWords.Mode(a.Debriefing),
            a.Ballots.Good, a.Ballots.FairlyGood, a.Ballots.Average, a.Ballots.Poor, a.Ballots.Blank, a.Ballots.Rated, s.Turnout,
            a.Inspection, a.Observation, a.Grade?.Score is { } sc ? Math.Round(sc, 2) : null,
            a.Grade is { } g ? (g.ProposedGrade ?? g.Grade).Chinese() : ExportWords.NotGraded,
            a.ApprovedGrade?.Chinese() ?? ExportWords.NotApproved,
            ExportWords.Status(a.Grade), ExportWords.Consequences(a, items),
        }).ToList();
        var main = new ExportTable("汇总表",
        [
            Text("org_code", "组织代码", 13), Text("organisation", "党组织", 20), Text("secretary", "书记", 8), Text("report_mode", "述职方式", 9),
            Int("good", "好", 5), Int("fairly_good", "较好", 5), Int("average", "一般", 5), Int("poor", "差", 5), Int("blank", "弃权", 5), Int("rated", "有效评价", 7),
            Pct("turnout", "参评率", 8), Num("inspection_score", "实地考核得分", 8), Num("routine_score", "平时了解得分", 8), Num("composite_score", "综合得分", 8),
            Text("proposed_grade", "建议等次", 7), Text("approved_grade", "审定等次", 7), Text("grade_status", "等次状态", 12),
            Text("consequences", "结果运用（第七条）", 30),
        ], rows);
        return new ExportContent($"{s.TitlePrefix}党委（党组）书记抓基层党建工作述职评议考核汇总表", Subtitle(s), [main, .. Distribution(s)]);
    }

    /// <summary>The grade distribution and 第六条's quota check: approved grades once approved, else the draft grades, said so.</summary>
    public static IReadOnlyList<ExportTable> Distribution(CampaignSnapshot s)
    {
        var basis = s.Approved ? "已审定等次" : "未审定（建议或拟定等次）";
        var grades = s.Assessees.Select(a => s.Approved ? a.ApprovedGrade : a.DraftGrade).ToList();
        var n = s.Assessees.Count;
        var rows = Grades.All.Select(g => new object?[] { g.Chinese(), grades.Count(x => x == g), n == 0 ? null : Math.Round((double)grades.Count(x => x == g) / n, 4), basis })
            .Append([ExportWords.NotGraded, grades.Count(x => x is null), n == 0 ? null : Math.Round((double)grades.Count(x => x is null) / n, 4), basis])
            .Append(["合计", n, n == 0 ? null : 1.0, basis])
            .ToList();
        var distribution = new ExportTable("等次分布", [Text("grade", "等次", 14), Int("count", "人数"), Pct("share", "占比"), Text("basis", "口径", 26)], rows, "等次分布");

        var below = grades.Count(g => g is { } x && x.IsFairlyGoodOrBelow());
        var q = s.Quota;
        var quota = new ExportTable("比例要求（第六条）", [Text("item", "项目（第六条：评价为“较好”或以下等次的应占一定比例）", 40), Num("value", "数值"), Text("note", "说明", 30)],
        [
            ["考核人数", n, null],
            ["“较好”及以下最低比例", q is null ? null : (double)q.MinimumShare, q is null ? "未设定（campaign create --min-below-good）" : null],
            ["至少应为“较好”及以下的人数", q?.Required, null],
            ["目前“较好”及以下人数", below, basis],
            ["是否满足", null, q is null ? "未设定比例" : below >= q.Required ? "满足" : $"不满足，还须 {q.Required - below} 人"],
        ], "等次分布");
        return [distribution, quota];
    }

    /// <summary>综合评价意见 as a table (CSV/JSON): achievements, problems, grade and the committee's approval (第六条).</summary>
    public static ExportContent Evaluations(CampaignSnapshot s)
    {
        var rows = s.Assessees.Select(a =>
        {
            var e = WordDocuments.Evaluation(s, a);
            return new object?[] { a.OrgCode, a.OrgName, a.Secretary, e.Grade, ExportWords.Status(a.Grade), a.Grade?.Score is { } sc ? Math.Round(sc, 2) : null,
                e.Achievements, e.Problems, e.Direction, e.Basis, e.Approval };
        }).ToList();
        return new ExportContent($"{s.TitlePrefix}党委（党组）书记抓基层党建工作述职评议考核综合评价意见", Subtitle(s),
        [
            new ExportTable("综合评价意见",
            [
                Text("org_code", "组织代码", 14), Text("organisation", "党组织", 26), Text("secretary", "书记", 10), Text("grade", "等次", 10),
                Text("grade_status", "等次状态", 14), Num("composite_score", "综合得分"), Text("achievements", "主要成效", 40), Text("problems", "存在问题", 40),
                Text("direction", "努力方向", 30), Text("basis", "评价依据", 40), Text("approval", "党委（党组）研究", 30),
            ], rows),
        ]);
    }

    /// <summary>整改清单 (第七条): the campaign's items and the open ones carried from earlier years (第四条), per organisation.</summary>
    public static ExportContent Rectification(CampaignSnapshot s)
    {
        var all = s.Items.Select(i => (Item: i, Carried: false)).Concat(s.Carried.Select(i => (Item: i, Carried: true)))
            .OrderBy(x => x.Item.OrgCode, StringComparer.Ordinal).ThenBy(x => x.Item.Deadline).ThenBy(x => x.Item.Id).ToList();
        var rows = all.Select(x =>
        {
            var i = x.Item;
            return new object?[]
            {
                i.Id, i.OrgCode, s.NameOf(i.OrgCode), i.Description, ExportWords.Source(i.Source), i.SourceRef, i.Measures ?? ExportWords.NotRecorded,
                i.Owner ?? ExportWords.NotRecorded, i.Deadline.ToString("yyyy-MM-dd"), RectificationKeys.Chinese(i.Status),
                ExportWords.Colour(i.ColourOn(s.Today, s.Thresholds)), i.Referral, s.LatestProgress.GetValueOrDefault(i.Id),
                x.Carried ? "上年度结转" : "本年度",
            };
        }).ToList();
        return new ExportContent($"{s.TitlePrefix}述职评议考核整改清单", Subtitle(s),
        [
            new ExportTable("整改清单",
            [
                Int("id", "编号"), Text("org_code", "组织代码", 14), Text("organisation", "党组织", 24), Text("problem", "问题", 40), Text("source", "来源", 14),
                Text("source_ref", "出处", 14), Text("measures", "整改措施", 30), Text("owner", "责任人", 12), Text("deadline", "整改期限", 12),
                Text("status", "状态", 8), Text("warning", "期限预警", 12), Text("referral", "追责问责", 20), Text("progress", "最新进展", 30),
                Text("carried", "年度", 10),
            ], rows),
        ]);
    }

    /// <summary>述职报告 (第五条): the four parts of each report, with the publication's scope.</summary>
    public static ExportContent Reports(CampaignSnapshot s)
    {
        var published = Publication(s);
        var rows = s.Assessees.Select(a =>
        {
            var r = a.Debriefing?.Report;
            return new object?[]
            {
                a.OrgCode, a.OrgName, a.Secretary, ExportWords.Mode(a.Debriefing), a.Debriefing?.WrittenReason,
                r?.Achievements ?? ExportWords.NotRecorded, r?.Problems ?? ExportWords.NotRecorded, r?.Causes ?? ExportWords.NotRecorded,
                r?.Measures ?? ExportWords.NotRecorded, published,
            };
        }).ToList();
        return new ExportContent($"{s.TitlePrefix}党委（党组）书记抓基层党建工作述职报告", Subtitle(s),
        [
            new ExportTable("述职报告",
            [
                Text("org_code", "组织代码", 14), Text("organisation", "党组织", 24), Text("secretary", "书记", 10), Text("report_mode", "述职方式", 10),
                Text("written_reason", "书面述职理由", 20), Text("achievements", "工作成效", 40), Text("problems", "突出问题", 40),
                Text("causes", "问题根源", 30), Text("measures", "措施", 30), Text("publication", "公开情况（第五条）", 30),
            ], rows),
        ]);
    }

    public static string Publication(CampaignSnapshot s) =>
        s.Publications.Count == 0
            ? "尚未公开（第五条：述职评议会后在一定范围内公开）"
            : string.Join("；", s.Publications.Select(p => $"已于 {ExportWords.Day(p.PublishedAt)} 在“{p.Scope}”范围内公开"));

    /// <summary>考核结果运用 for the personnel department (第七条): grade, consequences and the annual-assessment constraint.</summary>
    public static ExportContent Personnel(CampaignSnapshot s)
    {
        var feedbackAll = s.FollowUps.Where(f => f.OrgCode is null).ToList();
        var rows = s.Assessees.Select(a =>
        {
            var own = s.FollowUps.Where(f => f.OrgCode == a.OrgCode).Concat(feedbackAll).ToList();
            string Done(FollowUpKind k) =>
                own.FirstOrDefault(f => f.Kind == k) is { } f ? $"{ExportWords.Day(f.RecordedAt)}（{f.DoneBy}）" : "未记录";
            var approved = a.ApprovedGrade;
            var constraint = approved is null ? ExportWords.NotApproved : approved == Grade.Good ? "无" : "不得评为优秀";
            var annual = a.Annual is null ? "未登记" : a.Annual.Conflicting ? $"{a.Annual.Grade}（与等次冲突，须更正）" : a.Annual.Grade;
            var consequence = s.Items.FirstOrDefault(i => i.OrgCode == a.OrgCode && i.Source == RectificationSource.Consequence);
            return new object?[]
            {
                a.OrgCode, a.OrgName, a.Secretary, s.Year, approved?.Chinese() ?? ExportWords.NotApproved, ExportWords.Status(a.Grade),
                constraint, annual,
                approved is null ? ExportWords.NotApproved : a.Interview ? "是" : "否",
                approved is null ? ExportWords.NotApproved : consequence is null ? "否" : $"是（{consequence.Deadline:yyyy-MM-dd} 前）",
                string.Join("；", s.Items.Where(i => i.OrgCode == a.OrgCode && i.Referral is not null).Select(i => i.Referral)) is { Length: > 0 } refs ? refs : "无",
                Done(FollowUpKind.Feedback), Done(FollowUpKind.Archive),
            };
        }).ToList();
        return new ExportContent($"{s.TitlePrefix}党委（党组）书记述职评议考核结果运用表",
            Subtitle(s) + "　（第七条：作为干部选拔任用、教育培训、奖励惩戒和所在单位年度党建考核的重要依据）",
        [
            new ExportTable("考核结果运用",
            [
                Text("org_code", "组织代码", 14), Text("organisation", "党组织", 24), Text("secretary", "书记", 10), Int("year", "年度"),
                Text("grade", "述职评议考核等次", 10), Text("grade_status", "等次状态", 14), Text("annual_constraint", "年度考核约束（第七条）", 14),
                Text("annual_assessment", "已登记年度考核等次", 16), Text("reminder_interview", "约谈提醒", 9), Text("rectification", "限期整改", 18),
                Text("accountability", "追责问责", 20), Text("feedback", "反馈本人", 20), Text("archive", "归入干部人事档案", 20),
            ], rows),
        ]);
    }

    /// <summary>第八条's report upward as tables: the facts, the distribution, rectification by status, and coverage (第三条).</summary>
    public static ExportContent Upward(CampaignSnapshot s, CampaignSummary summary)
    {
        var facts = new List<object?[]>
        {
            new object?[] { "组织者", s.OrganiserName },
            new object?[] { "年度", s.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new object?[] { "考核阶段", CampaignStages.Chinese(s.Campaign.Stage) },
            new object?[] { "述职人数", s.Assessees.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new object?[] { "现场述职 / 书面述职 / 未述职",
                $"{s.Assessees.Count(a => a.Debriefing?.Mode == DebriefMode.Onsite)} / {s.Assessees.Count(a => a.Debriefing?.Mode == DebriefMode.Written)} / {s.Assessees.Count(a => a.Debriefing is null)}" },
            new object?[] { "述职评议会", s.Meeting is { } m ? $"{m.Form}（{m.HeldOn:yyyy-MM-dd}）" : "尚未召开" },
            new object?[] { "列席人员", s.Meeting is { } mm && mm.Attendees.Count > 0
                ? string.Join("、", mm.Attendees.Select(kv => $"{AttendeeCategories.Chinese(kv.Key)} {kv.Value} 人")) : ExportWords.NotRecorded },
            new object?[] { "测评票", $"发放 {s.BallotsIssued?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "未登记"} 张，收回 {s.Sheets} 张，无效 {s.VoidSheets} 张" },
            new object?[] { "党委（党组）研究", s.Approved ? $"{ExportWords.Day(s.Approval!.ApprovedAt)} {s.Approval.Meeting}" : ExportWords.NotApproved },
            new object?[] { "公开述职报告", Publication(s) },
            new object?[] { "覆盖面（第三条）", $"下一级党组织 {summary.Subordinates} 个，未述职评议 {summary.NotAssessed.Count} 个（{summary.Coverage:P1}）" },
        };
        var rect = new List<object?[]>();
        foreach (var status in Enum.GetValues<RectificationStatus>())
            rect.Add([RectificationKeys.Chinese(status), s.Items.Count(i => i.Status == status)]);
        rect.Add(["其中逾期未完成", s.Items.Count(i => i.Status != RectificationStatus.Done && i.Deadline < s.Today)]);
        rect.Add(["上年度结转未完成", s.Carried.Count]);
        return new ExportContent($"{s.OrganiserName}关于{s.Year}年度党委（党组）书记抓基层党建工作述职评议考核情况的报告", Subtitle(s),
        [
            new ExportTable("基本情况", [Text("item", "项目", 24), Text("value", "情况", 60)], facts),
            .. Distribution(s),
            new ExportTable("整改落实", [Text("status", "状态", 20), Int("count", "事项数")], rect),
            new ExportTable("未述职评议的下一级党组织", [Text("org_code", "组织代码", 14), Text("organisation", "党组织", 30)],
                summary.NotAssessed.Select(o => new object?[] { o.Code, o.Name }).ToList()),
        ]);
    }
}
