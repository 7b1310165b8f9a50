using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Evaluation;

namespace ShuzhiKaohe.Core.Exports;

/// <summary>The text fed back to one person (第六条): achievements affirmed, problems pointed out, grade, the committee's approval.</summary>
public sealed record EvaluationText(string Grade, string Achievements, string Problems, string Direction, string Basis, string Approval);

/// <summary>The Word documents: 综合评价意见, 整改清单, 述职报告 publication copies and the report upward (第八条).</summary>
internal static class WordDocuments
{
    /// <summary>The evaluation of one assessee in words, saying what is not decided or recorded yet.</summary>
    public static EvaluationText Evaluation(CampaignSnapshot s, AssesseeSnapshot a)
    {
        var report = a.Debriefing?.Report;
        var achievements = string.IsNullOrWhiteSpace(report?.Achievements) ? "（述职报告尚未录入工作成效）" : report.Achievements.Trim();
        var problems = a.Comments.SelectMany(k => k.ProblemItems.Select(p => p.Text))
            .Concat(a.Comments.Where(k => k.ProblemItems.Count == 0 && !string.IsNullOrWhiteSpace(k.Problems)).Select(k => k.Problems!))
            .Concat(string.IsNullOrWhiteSpace(report?.Problems) ? [] : [report.Problems.Trim()])
            .Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        var direction = a.Comments.Select(k => k.Direction?.Trim()).Where(d => !string.IsNullOrEmpty(d)).Distinct().ToList();
        var b = a.Ballots;
        var basis = new List<string>
        {
            s.Sheets == 0 ? "民主评议：尚未录入测评票" : $"民主评议：好 {b.Good} 票、较好 {b.FairlyGood} 票、一般 {b.Average} 票、差 {b.Poor} 票、弃权 {b.Blank} 票",
            a.Inspection is { } i ? $"实地考核得分 {i:0.##}" : "实地考核：未评分",
            a.Observation is { } o ? $"平时了解得分 {o:0.##}" : "平时了解：未评分",
        };
        if (a.Grade?.Score is { } score) basis.Add($"综合得分 {score:0.##}");
        if (!string.IsNullOrWhiteSpace(a.Grade?.Explanation)) basis.Add(a.Grade.Explanation.Trim());
        if (a.Grade?.Reason is { Length: > 0 } reason) basis.Add($"确定等次的理由：{reason}");

        string grade, approval;
        if (a.ApprovedGrade is { } approved)
        {
            grade = approved.Chinese();
            approval = $"经{s.Approval?.Meeting ?? "党委（党组）"}研究，评定为“{a.Grade!.Grade.Chinese()}”（{ExportWords.Day(s.Approval?.ApprovedAt)}）";
            foreach (var r in a.Revisions)
                approval += $"；{r.Decision}，由“{r.From.Chinese()}”变更为“{r.To.Chinese()}”，理由：{r.Reason}";
        }
        else
        {
            grade = a.DraftGrade is { } draft ? $"{ExportWords.NotApproved}（{(a.Grade!.Status == GradeStatus.Set ? "拟定" : "建议")}等次：{draft.Chinese()}）" : ExportWords.NotApproved;
            approval = "综合评价等次尚未经党委（党组）研究批准（未审定）";
        }
        return new EvaluationText(grade, achievements, problems.Count == 0 ? "（尚未指出问题）" : string.Join("；", problems),
            direction.Count == 0 ? "（尚未提出）" : string.Join("；", direction), string.Join("；", basis), approval);
    }

    public static void Evaluations(string path, CampaignSnapshot s, IReadOnlyList<AssesseeSnapshot> who)
    {
        var title = $"{s.TitlePrefix}党委（党组）书记抓基层党建工作述职评议考核综合评价意见";
        using var doc = GovDocx.Create(path, title);
        foreach (var a in who)
        {
            doc.NewPage();
            var e = Evaluation(s, a);
            doc.Title(title);
            doc.Subtitle($"{a.OrgName}党组织书记　{a.Secretary}");
            doc.Heading("一、主要成效");
            doc.Para(e.Achievements);
            doc.Heading("二、存在问题");
            doc.Para(e.Problems);
            doc.Heading("三、努力方向");
            doc.Para(e.Direction);
            doc.Heading("四、综合评价等次");
            doc.Para($"等次：{e.Grade}");
            doc.Para($"评价依据：{e.Basis}");
            doc.Heading("五、党委（党组）研究意见");
            doc.Para(e.Approval);
            doc.Signature($"中共{s.OrganiserName}委员会（党组）", s.Approved ? ExportWords.Day(s.Approval!.ApprovedAt) : $"制表 {s.GeneratedAt[..10]}（未审定）");
        }
        if (who.Count == 0)
        {
            doc.Title(title);
            doc.Para("本次考核名单为空。");
        }
    }

    public static void Reports(string path, CampaignSnapshot s, IReadOnlyList<AssesseeSnapshot> who)
    {
        var title = $"{s.TitlePrefix}党委（党组）书记抓基层党建工作述职报告";
        var publication = ExportTables.Publication(s);
        using var doc = GovDocx.Create(path, title);
        foreach (var a in who)
        {
            doc.NewPage();
            doc.Title($"{a.OrgName}党组织书记{s.Year}年度抓基层党建工作述职报告");
            doc.Subtitle($"{s.TitlePrefix}述职评议考核　{a.Secretary}　{ExportWords.Mode(a.Debriefing)}");
            doc.Subtitle(publication);
            var r = a.Debriefing?.Report;
            if (r is null)
            {
                doc.Para(a.Debriefing is null ? "尚未述职。" : "述职报告尚未录入。");
                continue;
            }
            doc.Heading("一、工作成效");
            doc.Para(r.Achievements ?? "（未写）");
            doc.Heading("二、突出问题");
            doc.Para(r.Problems ?? "（未写）");
            doc.Heading("三、问题根源");
            doc.Para(r.Causes ?? "（未写）");
            doc.Heading("四、措施");
            doc.Para(r.Measures ?? "（未写）");
        }
        if (who.Count == 0)
        {
            doc.Title(title);
            doc.Para("本次考核名单为空。");
        }
    }

    public static void Rectification(string path, CampaignSnapshot s, ExportContent content)
    {
        var table = content.Tables[0];
        using var doc = GovDocx.Create(path, content.Title);
        doc.Title(content.Title);
        doc.Subtitle(content.Subtitle);
        int I(string key) => table.IndexOf(key);
        var groups = table.Rows.GroupBy(r => (string)r[I("org_code")]!).ToList();
        if (groups.Count == 0) doc.Para("暂无整改事项。");
        // Portrait A4 holds six columns: the source goes under the problem, the warning under the status.
        var columns = new ExportColumn[]
        {
            new("id", "序号", CellKind.Integer, 5), new("problem", "问题（来源）", CellKind.Text, 28), new("measures", "整改措施", CellKind.Text, 22),
            new("owner", "责任人", CellKind.Text, 18), new("deadline", "整改期限", CellKind.Text, 15), new("status", "状态", CellKind.Text, 12),
        };
        var n = 0;
        foreach (var g in groups)
        {
            doc.Heading($"{ChineseNumber(++n)}、{s.NameOf(g.Key)}（{g.Key}）");
            var rows = g.Select(r => new object?[]
            {
                r[I("id")], $"{r[I("problem")]}\n（{r[I("source")]}{(r[I("carried")] is "上年度结转" ? "，上年度结转" : "")}）", r[I("measures")], r[I("owner")],
                r[I("deadline")], $"{r[I("status")]}{(r[I("warning")] is "—" ? "" : $"\n{r[I("warning")]}")}",
            }).ToList();
            doc.Table(new ExportTable(table.Name, columns, rows));
            foreach (var r in g.Where(r => r[I("referral")] is string))
                doc.Para($"第 {r[I("id")]} 项已移交追责问责：{r[I("referral")]}（第七条：问责不代替整改，事项继续整改）");
        }
    }

    public static void Upward(string path, CampaignSnapshot s, ExportContent content)
    {
        using var doc = GovDocx.Create(path, content.Title);
        doc.Title(content.Title);
        doc.Subtitle(content.Subtitle);
        var facts = content.Tables[0];
        string Fact(string item) => (string)facts.Rows.First(r => (string)r[0]! == item)[1]!;
        doc.Para($"上级党组织：根据《党委（党组）书记抓基层党建工作述职评议考核办法》，现将{s.OrganiserName}{s.Year}年度党委（党组）书记抓基层党建工作述职评议考核情况报告如下。");
        doc.Heading("一、基本情况");
        doc.Para($"本年度共 {s.Assessees.Count} 名党组织书记述职（{Fact("现场述职 / 书面述职 / 未述职")}，依次为现场述职、书面述职、未述职人数）。述职评议会：{Fact("述职评议会")}；列席人员：{Fact("列席人员")}；测评票：{Fact("测评票")}。");
        doc.Para($"覆盖面（第三条）：{Fact("覆盖面（第三条）")}。");
        doc.Heading("二、综合评价等次");
        doc.Para(s.Approved ? $"综合评价等次经党委（党组）研究批准：{Fact("党委（党组）研究")}。" : "综合评价等次尚未经党委（党组）研究批准，下表为建议或拟定等次（未审定）。");
        doc.Table(content.Tables[1]);
        doc.Table(content.Tables[2]);
        doc.Heading("三、整改落实");
        doc.Table(content.Tables[3]);
        doc.Heading("四、公开与反馈");
        doc.Para($"述职报告：{Fact("公开述职报告")}。");
        var follow = s.FollowUps.Select(f => $"{f.Kind switch { FollowUpKind.Feedback => "反馈本人", FollowUpKind.Circulate => "通报", _ => "归入干部人事档案" }}" +
            $"{(f.OrgCode is null ? "" : $"（{s.NameOf(f.OrgCode)}）")}{(f.Scope is null ? "" : $"，范围 {f.Scope}")}，{f.DoneBy}，{ExportWords.Day(f.RecordedAt)}").ToList();
        doc.Para(follow.Count == 0 ? "考核结果尚未反馈、通报或归档。" : string.Join("；", follow) + "。");
        if (content.Tables[4].Rows.Count > 0)
        {
            doc.Heading("五、未述职评议的下一级党组织");
            doc.Table(content.Tables[4]);
        }
        doc.Signature($"中共{s.OrganiserName}委员会（党组）", s.GeneratedAt[..10]);
    }

    private static string ChineseNumber(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            < 20 => "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
