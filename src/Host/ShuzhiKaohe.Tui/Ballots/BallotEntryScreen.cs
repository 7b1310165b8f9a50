using System.Collections.ObjectModel;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Ballots;

/// <summary>
/// Ballot entry from paper (测评票录入, 第五条): the sheet's serial at the top, one line per reporter with the mark
/// being keyed (▶ marks the next), turnout against sheets issued, and the running count where the role may see it.
/// A 15-reporter sheet is 15 digits and Enter.
/// </summary>
public sealed class BallotEntryScreen : Screen
{
    private readonly BallotEntryViewModel _model;
    private readonly Label _sheet;
    private readonly Label _turnout;
    private readonly ListView _list;
    private readonly ObservableCollection<string> _rows;

    public BallotEntryScreen(ScreenContext context, long campaignId) : base(context)
    {
        _model = ActivatorUtilities.CreateInstance<BallotEntryViewModel>(context.Services, campaignId);
        _sheet = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        _turnout = new Label { X = 0, Y = 1, Width = Dim.Fill(), Height = 1 };
        (_list, _rows) = Lists.Create();
        _list.X = 0;
        _list.Y = 3;
        _list.Width = Dim.Fill();
        _list.Height = Dim.Fill();
        Add(_sheet, _turnout, new Label { X = 0, Y = 2, Width = Dim.Fill(), Text = "1 好　2 较好　3 一般　4 差　0 空白　Backspace 更正　v 作废　Enter 保存" }, _list);
        _model.Load();
    }

    public override string ScreenTitle => "测评票录入";

    internal BallotEntryViewModel Model => _model;

    public override void OnShown()
    {
        _model.Refresh();
        Show();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .On(new Key('1'), "1", "好：当前述职人评“好”，自动到下一人", () => Mark('1'))
        .On(new Key('2'), "2", "较好：当前述职人评“较好”", () => Mark('2'))
        .On(new Key('3'), "3", "一般：当前述职人评“一般”", () => Mark('3'))
        .On(new Key('4'), "4", "差：当前述职人评“差”", () => Mark('4'))
        .On(new Key('0'), "0", "空白：当前述职人未评", () => Mark('0'))
        .On(Key.Backspace, "Backspace", "更正：退回上一人并清除其评价（或取消作废）", () => { _model.Backspace(); Show(); })
        .On(new Key('v'), "v", "作废：整张测评票作废（再按取消）", () => { _model.ToggleVoid(); Show(); }, inBar: true)
        .On(Key.Enter, "Enter", "保存：保存本张测评票，编号自动加一", Save, inBar: true)
        .On(Key.F2, "F2", "编号：改本张测评票的编号（已录入的编号立即拒绝）", EditSerial, inBar: true)
        .On(Key.F3, "F3", "发放数：登记发放的测评票张数", Issue)
        .On(Key.F5, "F5", "刷新：重新读取录入进度", OnShown);

    private void Mark(char digit)
    {
        _model.Key(digit);
        Show();
        if (_model.Cursor == _model.Reporters.Count) Host.Info("本张已录完：Enter 保存，Backspace 更正");
    }

    private void Save()
    {
        var saved = _model.Save();
        Show();
        Host.Info(saved);
    }

    private void EditSerial()
    {
        var answer = FormDialog.Ask(Context.App, "测评票编号", [new FormField("编号", _model.Serial)]);
        if (answer is null) return;
        _model.SetSerial(answer[0]);
        Show();
    }

    private void Issue()
    {
        var answer = FormDialog.Ask(Context.App, "登记发放张数", [new FormField("张数", _model.Status.Issued?.ToString(CultureInfo.InvariantCulture) ?? "")]);
        if (answer is null) return;
        if (!int.TryParse(answer[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            Host.Error($"发放张数须为正整数，收到“{answer[0]}”");
            return;
        }
        _model.Issue(n);
        Show();
    }

    private void Show()
    {
        _sheet.Text = $"测评票 {_model.Serial}{(_model.IsVoid ? "　【整张作废】" : "")}　第 {Math.Min(_model.Cursor + 1, _model.Reporters.Count)}/{_model.Reporters.Count} 人";
        _turnout.Text = _model.Status.Stage != ShuzhiKaohe.Core.Campaigns.CampaignStage.Session
            ? $"考核处于“{ShuzhiKaohe.Core.Campaigns.CampaignStages.Chinese(_model.Status.Stage)}”阶段，测评票只能在述职评议会阶段录入（第五条）　{_model.Status.Turnout}"
            : _model.Status.Turnout + (_model.ShowsResults ? "" : "　（计票结果会后由有权限的人员查看）");
        var lines = _model.Reporters.Select((r, i) =>
        {
            var cursor = i == _model.Cursor && !_model.IsVoid ? "▶" : " ";
            var mark = _model.IsVoid ? "作废" : _model.IsKeyed(i) ? MarkText(_model.MarkOf(i)) : "";
            var line = $"{cursor}{i + 1,3} {TextWidth.Fit(r.Entry.OrgName, 18)}{TextWidth.Fit(r.Name, 8)} {TextWidth.PadRight(mark, 5)}";
            if (_model.ShowsResults && _model.Running.TryGetValue(r.Entry.OrgCode, out var c))
                line += $" 累计 好{c.Good} 较好{c.FairlyGood} 一般{c.Average} 差{c.Poor} 空{c.Blank}";
            return line;
        }).ToList();
        Lists.Fill(_list, _rows, lines, "（名单为空）");
        if (_model.Cursor < _model.Reporters.Count) _list.SelectedItem = _model.Cursor;
        SetNeedsDraw();
    }

    private static string MarkText(Grade? g) => g?.Chinese() ?? "空白";
}
