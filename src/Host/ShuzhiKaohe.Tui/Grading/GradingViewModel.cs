using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Tui.Shell;

namespace ShuzhiKaohe.Tui.Grading;

/// <summary>
/// Comprehensive evaluation (综合评价, 第六条): scores, proposed grades with their explanation, a grade change with a
/// reason, the live distribution against the quota, and approval — offered only when Core would accept it, with the
/// reason shown while it would not. A grade change sends the version this model read: if another operator changed
/// that grade since, Core refuses, the model reloads and says so (no silent lost update).
/// </summary>
public sealed class GradingViewModel(long campaignId, CampaignService campaigns, EvaluationService evaluation, ApprovalService approval)
{
    public long CampaignId { get; } = campaignId;

    public Campaign Campaign { get; private set; } = null!;

    public EvaluationView View { get; private set; } = null!;

    private List<EvaluationLine> _lines = [];

    /// <summary>The assessees in roster order; after a one-row write only that line is new (issue 11).</summary>
    public IReadOnlyList<EvaluationLine> Lines => _lines;

    /// <summary>Raised with the index of the one line a write changed (the quota line changes with it); -1 after a full reload.</summary>
    public event Action<int>? LineChanged;

    public string QuotaLine => View.Quota is { } q
        ? $"分布：{q.DistributionText()}　较好及以下 {q.BelowGood}/{q.Required}（至少 {q.MinimumShare:P0}）{(q.Met ? "　已满足" : $"　还差 {q.Shortfall} 名")}"
        : "未设定“较好”及以下等次的最低比例（第六条）";

    /// <summary>Why approval is not possible now, or null when it is (the same conditions Core checks).</summary>
    public string? ApprovalBlocked
    {
        get
        {
            if (View.Approval is { } a) return $"已于 {a.ApprovedAt[..10]} 经党委（党组）研究批准（{a.ApprovedBy}）";
            if (Campaign.Stage != CampaignStage.Evaluation) return $"考核处于“{Campaign.Stage.Chinese()}”阶段，综合评价阶段才能提请批准（第六条）";
            var ungraded = Lines.Count(l => l.Grade is null);
            if (ungraded > 0) return $"第六条：{ungraded} 名尚无等次（按 p 提出建议等次）";
            if (View.Quota is null) return "第六条：未设定“较好”及以下等次的最低比例";
            return View.Quota.Met ? null : View.Quota.Explain();
        }
    }

    public bool CanApprove => ApprovalBlocked is null;

    /// <summary>The rows as the screen shows them, all formatted (tests and small lists; the screen formats only what it draws).</summary>
    public IReadOnlyList<string> RowLines => Lines.Select(RowText).ToList();

    /// <summary>The widest a row can be: the code column grows with a longer code, the rest has a fixed width.</summary>
    public int RowColumns => Math.Max(CodeColumns, Lines.Count == 0 ? 0 : Lines.Max(l => TextWidth.CheapColumns(l.OrgCode))) + TailColumns;

    private const int CodeColumns = 10;
    private static readonly int TailColumns = 18 + 5 + TextWidth.Columns("  建议 ") + 4 + TextWidth.Columns(" 等次 ") + 4 + 1 + 4;

    /// <summary>One assessee's row: code, name, score, proposed grade, grade and how it came about.</summary>
    public static string RowText(EvaluationLine l)
    {
        var g = l.Grade;
        var score = g?.Score is { } s ? $"{s,5:0.0}" : "    —";
        var proposed = g?.ProposedGrade?.Chinese() ?? "—";
        var grade = g is null ? "—" : g.Grade.Chinese();
        var status = g?.Status switch
        {
            GradeStatus.Proposed => "建议",
            GradeStatus.Set => "人工",
            GradeStatus.Approved => "批准",
            GradeStatus.Revised => "变更",
            _ => "",
        };
        return $"{TextWidth.PadRight(l.OrgCode, CodeColumns)}{TextWidth.Fit(l.OrgName, 18)}{score}  建议 {TextWidth.PadRight(proposed, 4)} 等次 {TextWidth.PadRight(grade, 4)} {status}";
    }

    /// <summary>The explanation and reason of one line, for the detail pane.</summary>
    public string Detail(int index)
    {
        var l = Lines[index];
        if (l.Grade is not { } g) return $"{l.OrgCode} {l.OrgName}：尚无等次";
        return $"{g.Explanation ?? "（无说明）"}{(g.Reason is null ? "" : $"　人工确定理由：{g.Reason}")}";
    }

    public void Load()
    {
        Campaign = campaigns.Get(CampaignId);
        View = evaluation.Show(CampaignId);
        _lines = [.. View.Lines];
    }

    /// <summary>
    /// Puts one line as Core now has it in place of the old one and moves the distribution by that one grade, instead of
    /// reading and formatting the whole campaign again (issue 11: 45–90 ms of reading, 70–160 ms of formatting).
    /// </summary>
    /// <param name="campaign">The campaign as the write read it, or null to read it now.</param>
    private void Replace(EvaluationLine now, Grade? was, Campaign? campaign = null)
    {
        var index = _lines.FindIndex(l => l.OrgCode == now.OrgCode);
        if (index < 0)
        {
            Load(); // the roster changed meanwhile: read it all
            LineChanged?.Invoke(-1);
            return;
        }
        Campaign = campaign ?? campaigns.Get(CampaignId);
        // A new list (copying references costs microseconds) so that a caller enumerating Lines keeps its snapshot.
        _lines = [.. _lines];
        _lines[index] = now;
        if (now.Grade is { } g && View.Quota is { } q) View = View with { Quota = q.Regraded(was, g.Grade) };
        LineChanged?.Invoke(index);
    }

    /// <summary>Scores everyone with the sector strategies and proposes grades within the quota.</summary>
    public IReadOnlyList<string> Propose()
    {
        try
        {
            return evaluation.Propose(CampaignId).Warnings;
        }
        finally
        {
            Load();
        }
    }

    /// <summary>
    /// Sets one grade with a reason (第六条), at the version read. When another operator changed it meanwhile the
    /// change is refused by Core and the model shows the grade as it now is.
    /// </summary>
    /// <summary>The organiser's routine observation (平时了解, 0–100, 第六条), as `evaluate observe` records it.</summary>
    public IReadOnlyList<string> Observe(string orgCode, string score, string note)
    {
        if (!double.TryParse(score.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s))
            throw new InvalidInputException($"平时了解评分“{score.Trim()}”应为 0–100 的数");
        IReadOnlyList<string> warnings;
        try
        {
            warnings = evaluation.Observe(CampaignId, orgCode, s, string.IsNullOrWhiteSpace(note) ? null : note).Warnings;
        }
        catch
        {
            Load();
            throw;
        }
        // An observation is kept beside the grade, not in it: no line of this screen changed, nothing to read again.
        return warnings;
    }

    public IReadOnlyList<string> SetGrade(string orgCode, Grade grade, string reason)
    {
        var line = Lines.FirstOrDefault(l => l.OrgCode == orgCode) ?? throw new NotFoundException($"{orgCode} 不在本次考核的名单中");
        GradeChange change;
        try
        {
            change = evaluation.SetOne(CampaignId, orgCode, grade, reason, line.Grade?.RowVersion);
        }
        catch
        {
            Load();
            throw;
        }
        // Core answers with the one line it wrote: the rest of a campaign of thousands is as this model read it (issue 11).
        Replace(change.Line, change.Was, change.Campaign);
        return View.Quota?.Warnings ?? [];
    }

    /// <summary>Whether the grades are approved: a change is then a revision (a new decision), never an edit (第六条).</summary>
    public bool IsApproved => View.Approval is not null;

    /// <summary>A change of an approved grade: a new recorded decision with its reason (第六条), as `evaluate revise` does.</summary>
    public IReadOnlyList<string> Revise(string orgCode, Grade grade, string reason, string decision)
    {
        var was = Lines.FirstOrDefault(l => l.OrgCode == orgCode)?.Grade?.Grade;
        IReadOnlyList<string> warnings;
        try
        {
            warnings = approval.Revise(CampaignId, orgCode, grade, reason, decision).Warnings;
        }
        catch
        {
            Load();
            throw;
        }
        Replace(evaluation.Line(CampaignId, orgCode), was);
        return warnings;
    }

    /// <summary>Feedback to the person, circulation within a scope, archiving to the cadre file (第六条), as `evaluate feedback|circulate|archive`.</summary>
    public FollowUp FollowUp(FollowUpKind kind, string? orgCode, string scope, string by)
    {
        try
        {
            return approval.Record(CampaignId, kind, orgCode, string.IsNullOrWhiteSpace(scope) ? null : scope, string.IsNullOrWhiteSpace(by) ? null : by);
        }
        finally
        {
            Load();
        }
    }

    /// <summary>The committee's approval (第六条). Refused here, with the reason, while <see cref="ApprovalBlocked"/>.</summary>
    public ApprovalResult Approve(string? meeting)
    {
        Load();
        if (ApprovalBlocked is { } why) throw new RuleViolationException("第六条", why.StartsWith("第六条：", StringComparison.Ordinal) ? why[4..] : why);
        try
        {
            return approval.Approve(CampaignId, meeting).Value;
        }
        finally
        {
            Load();
        }
    }
}
