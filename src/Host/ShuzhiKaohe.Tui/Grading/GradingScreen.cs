using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Grading;

/// <summary>
/// 综合评价 (第六条): one line per assessee (score, proposed grade, grade, how it came about), the selected one's
/// explanation below, the distribution against the quota on top, and the approval line that says why approval is
/// not yet possible.
/// </summary>
public sealed class GradingScreen : Screen
{
    private readonly GradingViewModel _model;
    private readonly Label _quota;
    private readonly Label _approval;
    private readonly ListView _list;
    private readonly RowSource<EvaluationLine> _rows = new(GradingViewModel.RowText, "（名单为空）");
    private readonly Label _detail;

    public GradingScreen(ScreenContext context, long campaignId) : base(context)
    {
        _model = ActivatorUtilities.CreateInstance<GradingViewModel>(context.Services, campaignId);
        _quota = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        _approval = new Label { X = 0, Y = 1, Width = Dim.Fill(), Height = 2 };
        _approval.TextFormatter.WordWrap = true;
        // Rows are formatted when drawn, not all 3,132 of a national campaign on every refresh (issue 11).
        _list = new ListView { KeystrokeNavigator = null, Source = _rows };
        _list.X = 0;
        _list.Y = 3;
        _list.Width = Dim.Fill();
        _list.Height = Dim.Fill(3);
        _list.ValueChanged += (_, _) => ShowDetail();
        _detail = new Label { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill(), Height = 3 };
        _detail.TextFormatter.WordWrap = true;
        Add(_quota, _approval, _list, _detail);
        _model.LineChanged += OneLine;
        _model.Load();
    }

    public override string ScreenTitle => "综合评价";

    internal GradingViewModel Model => _model;

    public override void OnShown()
    {
        _model.Load();
        Show();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .Widget("↑ ↓ PgUp PgDn", "选择考核对象（下方显示评分说明）", Lists.MoveKeys)
        .On(new Key('o'), "o", "平时了解：录入所选对象的平时了解评分 0–100（第六条）", Observe)
        .On(new Key('p'), "p", "建议等次：按板块规则评分并在比例内提出建议等次", Propose, inBar: true)
        .On(new Key('1'), "1", "定为“好”（须写明理由）", () => Change(Grade.Good))
        .On(new Key('2'), "2", "定为“较好”（须写明理由）", () => Change(Grade.FairlyGood))
        .On(new Key('3'), "3", "定为“一般”（须写明理由）", () => Change(Grade.Average))
        .On(new Key('4'), "4", "定为“差”（须写明理由）", () => Change(Grade.Poor))
        .On(Key.F9, "F9", "批准：记录党委（党组）研究批准（比例未满足时不可用）", Approve, inBar: true)
        .On(new Key('f'), "f", "反馈：向所选对象反馈评价意见（批准后，第六条）", () => FollowUp(FollowUpKind.Feedback))
        .On(new Key('t'), "t", "通报：在一定范围内通报结果（批准后，第六条）", () => FollowUp(FollowUpKind.Circulate))
        .On(new Key('v'), "v", "归档：存入干部档案（批准后，第六条）", () => FollowUp(FollowUpKind.Archive))
        .On(Key.F5, "F5", "刷新：重新读取等次和分布", OnShown, inBar: true);

    private void Show()
    {
        var keep = _list.SelectedItem ?? 0;
        _rows.Reset(_model.Lines, _model.RowColumns);
        Lists.Refilled(_list, keep);
        ShowHeader();
    }

    private void ShowHeader()
    {
        _quota.Text = _model.QuotaLine;
        var blocked = _model.ApprovalBlocked;
        _approval.Text = blocked is null ? "可以提请批准：按 F9 记录党委（党组）研究批准" : $"批准不可用：{blocked}";
        _approval.SchemeName = blocked is null || _model.View.Approval is not null ? null : nameof(Schemes.Error);
        ShowDetail();
        SetNeedsDraw();
    }

    /// <summary>After a one-row write: that row, the quota and approval lines and the detail; the other rows stay as drawn.</summary>
    private void OneLine(int index)
    {
        if (index < 0)
        {
            Show();
            return;
        }
        _rows.Changed(_model.Lines, index);
        _list.SetNeedsDraw();
        ShowHeader();
    }

    private void ShowDetail() =>
        _detail.Text = Lists.Selected(_list, _model.Lines.Count) is int i ? _model.Detail(i) : "";

    private void Propose()
    {
        var warnings = _model.Propose();
        Show();
        Host.Info(warnings.Count == 0 ? "已提出建议等次" : $"已提出建议等次；{warnings.Count} 条提示：{warnings[0]}");
    }

    private void Observe()
    {
        if (Lists.Selected(_list, _model.Lines.Count) is not int i) return;
        var line = _model.Lines[i];
        var answer = FormDialog.Ask(Context.App, $"{line.OrgCode} {line.OrgName} 平时了解", [new FormField("评分（0–100）"), new FormField("说明")],
            "第六条：结合平时调研了解，综合评定");
        if (answer is null) return;
        IReadOnlyList<string>? warnings = null;
        Host.Guard(() => warnings = _model.Observe(line.OrgCode, answer[0], answer[1]));
        // A refusal reloaded the model: show it all; a write has already redrawn its one row (issue 11).
        if (warnings is null) Show();
        else Host.Info(warnings.Count == 0 ? $"已录入 {line.OrgName} 的平时了解评分" : string.Join("；", warnings));
    }

    private void Change(Grade grade)
    {
        if (Lists.Selected(_list, _model.Lines.Count) is not int i) return;
        var line = _model.Lines[i];
        if (_model.IsApproved)
        {
            var decision = FormDialog.Ask(Context.App, $"变更 {line.OrgCode} {line.OrgName} 已批准的等次为“{grade.Chinese()}”", [new FormField("理由"), new FormField("决定")],
                "第六条：已批准的等次不能修改，只能作出新的决定并写明理由（如“区委常委会 2025-03-01 决定”）");
            if (decision is null) return;
            IReadOnlyList<string>? w = null;
            Host.Guard(() => w = _model.Revise(line.OrgCode, grade, decision[0], decision[1]));
            if (w is null) Show();
            else Host.Info(w.Count == 0 ? $"已记录新的决定：{line.OrgName} 为“{grade.Chinese()}”" : string.Join("；", w));
            return;
        }
        var answer = FormDialog.Ask(Context.App, $"{line.OrgCode} {line.OrgName} 定为“{grade.Chinese()}”", [new FormField("理由")],
            "第六条：人工确定等次须写明理由");
        if (answer is null) return;
        IReadOnlyList<string> warnings;
        try
        {
            warnings = _model.SetGrade(line.OrgCode, grade, answer[0]);
        }
        catch
        {
            Show(); // the model reloaded (a conflict shows the grade as it now is)
            throw;
        }
        Host.Info(warnings.Count == 0 ? $"{line.OrgName} 定为“{grade.Chinese()}”" : string.Join("；", warnings));
    }

    private void FollowUp(FollowUpKind kind)
    {
        var selected = Lists.Selected(_list, _model.Lines.Count) is int i ? _model.Lines[i].OrgCode : null;
        var org = kind == FollowUpKind.Circulate ? null : selected;
        var answer = FormDialog.Ask(Context.App, $"{kind.Chinese()}{(org is null ? "（全体）" : $" {org}")}",
            [new FormField("范围"), new FormField(kind == FollowUpKind.Archive ? "具有干部管理权限的部门" : "经办")],
            "第六条：评价结果反馈本人、在一定范围内通报，并由具有干部管理权限的部门存入干部档案");
        if (answer is null) return;
        Host.Guard(() => _model.FollowUp(kind, org, answer[0], answer[1]));
        Show();
    }

    private void Approve()
    {
        if (_model.ApprovalBlocked is { } why)
        {
            Show();
            Host.Error($"不能批准：{why}");
            return;
        }
        var answer = FormDialog.Ask(Context.App, "党委（党组）研究批准", [new FormField("会议", "")], "第六条：记录研究批准的会议（如“区委常委会 2025-01-20”）");
        if (answer is null) return;
        if (!Host.Confirm("批准后等次不能再改（只能作出新的决定并记录理由）。确定批准吗？", "批准")) return;
        try
        {
            var result = _model.Approve(answer[0]);
            Host.Info($"已批准；第七条后果 {result.Consequences.Count(c => c.RectificationId is not null)} 项整改已列入");
        }
        finally
        {
            Show();
        }
    }
}
