using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Tui.Ballots;
using ShuzhiKaohe.Tui.Grading;
using ShuzhiKaohe.Tui.Inspection;
using ShuzhiKaohe.Tui.Rectification;
using ShuzhiKaohe.Tui.Session;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Campaigns;

/// <summary>
/// One campaign: the roster (a 加入, Del 移出 with a reason and a confirmation), the focus items with weights and
/// sources, the stage with <c>n</c> to advance (a gate's refusal stays in place, with its article), and the keys to
/// the campaign's other screens.
/// </summary>
public sealed class CampaignScreen : Screen
{
    private readonly CampaignViewModel _model;
    private readonly Label _header;
    private readonly Label _stage;
    private readonly Label _next;
    private readonly Label _refusal;
    private readonly FrameView _rosterFrame;
    private readonly FrameView _focusFrame;
    private readonly ListView _roster;
    private readonly ListView _focus;
    private readonly System.Collections.ObjectModel.ObservableCollection<string> _rosterRows;
    private readonly System.Collections.ObjectModel.ObservableCollection<string> _focusRows;

    public CampaignScreen(ScreenContext context, long campaignId) : base(context)
    {
        _model = ActivatorUtilities.CreateInstance<CampaignViewModel>(context.Services, campaignId);
        _header = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        _stage = new Label { X = 0, Y = 1, Width = Dim.Fill(), Height = 1 };
        _next = new Label { X = 0, Y = 2, Width = Dim.Fill(), Height = 1 };
        _refusal = new Label { X = 0, Y = 3, Width = Dim.Fill(), Height = 2, SchemeName = nameof(Schemes.Error) };
        _refusal.TextFormatter.WordWrap = true;
        (_roster, _rosterRows) = Lists.Create();
        (_focus, _focusRows) = Lists.Create();
        _roster.Width = _focus.Width = Dim.Fill();
        _roster.Height = _focus.Height = Dim.Fill();
        _rosterFrame = new FrameView { X = 0, Y = 5, Width = Dim.Percent(50), Height = Dim.Fill(), Title = "考核名单" };
        _focusFrame = new FrameView { X = Pos.Right(_rosterFrame), Y = 5, Width = Dim.Fill(), Height = Dim.Fill(), Title = "重点内容" };
        _rosterFrame.Add(_roster);
        _focusFrame.Add(_focus);
        Add(_header, _stage, _next, _refusal, _rosterFrame, _focusFrame);
        // Read now: the shell's breadcrumb asks for the title before the screen is shown.
        _model.Load();
    }

    public override string ScreenTitle => _model.Title;

    internal CampaignViewModel Model => _model;

    public override void OnShown()
    {
        _model.Load();
        Show();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .Widget("↑ ↓ PgUp PgDn", "在名单或重点内容中移动", Lists.MoveKeys)
        .On(Key.Tab, "Tab", "切换：考核名单 / 重点内容", SwitchPane)
        .On(new Key('a'), "a", "加入：按组织代码加入考核对象（第三条）", AddToRoster, inBar: true)
        .On(Key.Delete, "Del", "移出名单：须写明理由并确认", RemoveFromRoster)
        .On(new Key('f'), "f", "增加年度重点内容（第四条；形式主义指标被拒，第六条）", AddFocus)
        .On(new Key('n'), "n", "下一阶段：进入下一阶段（不满足条件时在此显示原因和条款）", Advance, inBar: true)
        .On(new Key('i'), "i", "实地考核：评分与发现（第六条）", () => Host.Push(new InspectionScreen(Context, _model.CampaignId)))
        .On(new Key('s'), "s", "述职评议会：述职、报告四部分、点评（第五条）", () => Host.Push(new SessionScreen(Context, _model.CampaignId)))
        .On(new Key('b'), "b", "录票：逐张录入纸质测评票（第五条）", () => Host.Push(new BallotEntryScreen(Context, _model.CampaignId)), inBar: true)
        .On(new Key('g'), "g", "综合评价：等次、比例、批准（第六条）", () => Host.Push(new GradingScreen(Context, _model.CampaignId)))
        .On(new Key('r'), "r", "整改清单：按组织、三色期限、进展（第七条）", () => Host.Push(new RectificationScreen(Context, _model.CampaignId)))
        .On(Key.F5, "F5", "刷新：重新读取本考核", OnShown);

    private void Show()
    {
        _header.Text = _model.Header;
        _stage.Text = _model.StageLine;
        _next.Text = $"下一步：{_model.Next}";
        _refusal.Text = _model.Refusal ?? "";
        _rosterFrame.Title = $"考核名单（{_model.Roster.Count}）";
        _focusFrame.Title = $"重点内容（{_model.FocusItems.Count}）权重 来源";
        Lists.Fill(_roster, _rosterRows, _model.RosterLines, "（名单为空：按 a 加入）");
        Lists.Fill(_focus, _focusRows, _model.FocusLines);
        SetNeedsDraw();
    }

    private void SwitchPane()
    {
        if (_roster.HasFocus) _focus.SetFocus();
        else _roster.SetFocus();
    }

    private void AddToRoster()
    {
        var answer = FormDialog.Ask(Context.App, "加入考核名单", [new FormField("组织代码"), new FormField("理由（可空）")],
            "第三条：下一级党组织书记之外，可增列有代表性的单位");
        if (answer is null) return;
        var warnings = _model.Add(answer[0], answer[1]);
        Show();
        Host.Info(warnings.Count == 0 ? $"已加入 {answer[0]}" : string.Join("；", warnings));
    }

    private void RemoveFromRoster()
    {
        if (Lists.Selected(_roster, _model.Roster.Count) is not int i)
        {
            Host.Error("请先在名单中选择要移出的考核对象");
            return;
        }
        var entry = _model.Roster[i].Entry;
        var answer = FormDialog.Ask(Context.App, $"移出 {entry.OrgCode} {entry.OrgName}", [new FormField("理由")], "移出考核名单须写明理由，理由将被记录");
        if (answer is null) return;
        if (!Host.Confirm($"确定将 {entry.OrgCode} {entry.OrgName} 移出考核名单吗？\n理由：{answer[0]}", "移出")) return;
        _model.Remove(entry.OrgCode, answer[0]);
        Show();
        Host.Info($"已移出 {entry.OrgCode} {entry.OrgName}");
    }

    private void AddFocus()
    {
        var answer = FormDialog.Ask(Context.App, "增加年度重点内容",
            [new FormField("标题"), new FormField("评判指标（可空）"), new FormField("权重", "10")]);
        if (answer is null) return;
        decimal? weight = decimal.TryParse(answer[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var w) ? w : null;
        var warnings = _model.AddFocus(answer[0], answer[1], weight);
        Show();
        Host.Info(warnings.Count == 0 ? "已增加年度重点内容" : string.Join("；", warnings));
    }

    private void Advance()
    {
        var from = _model.Campaign.Stage;
        var warnings = _model.Advance();
        Show();
        if (warnings is null) Host.Error("不能进入下一阶段：原因见上方");
        else Host.Info($"已由“{ShuzhiKaohe.Core.Campaigns.CampaignStages.Chinese(from)}”进入“{ShuzhiKaohe.Core.Campaigns.CampaignStages.Chinese(_model.Campaign.Stage)}”" +
                       (warnings.Count == 0 ? "" : "：" + string.Join("；", warnings)));
    }
}
