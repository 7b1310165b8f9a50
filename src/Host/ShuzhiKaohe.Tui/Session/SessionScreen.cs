using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Session;

/// <summary>述职评议会 (第五条): reporters with their debriefing and comments; the selected report's four parts side by side.</summary>
public sealed class SessionScreen : Screen
{
    private readonly SessionViewModel _model;
    private readonly Label _meeting;
    private readonly ListView _list;
    private readonly ObservableCollection<string> _rows;
    private readonly FrameView[] _parts = new FrameView[4];
    private readonly Label[] _partText = new Label[4];
    private readonly Label _comments;

    public SessionScreen(ScreenContext context, long campaignId) : base(context)
    {
        _model = ActivatorUtilities.CreateInstance<SessionViewModel>(context.Services, campaignId);
        _meeting = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        (_list, _rows) = Lists.Create();
        _list.Y = 1;
        _list.Width = Dim.Fill();
        _list.Height = Dim.Percent(45);
        _list.ValueChanged += (_, _) => ShowDetail();
        Add(_meeting, _list);
        for (var i = 0; i < 4; i++)
        {
            _parts[i] = new FrameView
            {
                X = i == 0 ? 0 : Pos.Right(_parts[i - 1]), Y = Pos.Bottom(_list),
                Width = i == 3 ? Dim.Fill() : Dim.Percent(25), Height = Dim.Fill(2),
            };
            _partText[i] = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
            _partText[i].TextFormatter.WordWrap = true;
            _parts[i].Add(_partText[i]);
            Add(_parts[i]);
        }
        _comments = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2 };
        _comments.TextFormatter.WordWrap = true;
        Add(_comments);
        _model.Load();
    }

    public override string ScreenTitle => "述职评议会";

    internal SessionViewModel Model => _model;

    public override void OnShown()
    {
        _model.Load();
        Show();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .Widget("↑ ↓ PgUp PgDn", "选择述职人（下方并排显示报告四部分和点评）", Lists.MoveKeys)
        .On(new Key('m'), "m", "会议：记录述职评议会的形式、日期和列席人员（第五条、第八条）", Meeting, inBar: true)
        .On(new Key('d'), "d", "述职：录入现场述职报告的四部分", Debrief, inBar: true)
        .On(new Key('w'), "w", "书面述职：所选述职人书面述职，并写明原因", Written)
        .On(new Key('u'), "u", "公开：述职报告在一定范围内公开（会后，第五条）", Publish)
        .On(new Key('c'), "c", "点评：录入上级书记对所选述职人的点评（问题和方向）", Comment, inBar: true)
        .On(Key.F5, "F5", "刷新：重新读取述职和点评", OnShown, inBar: true);

    private void Show()
    {
        _meeting.Text = _model.MeetingLine;
        Lists.Fill(_list, _rows, _model.Rows, "（名单为空）");
        ShowDetail();
        SetNeedsDraw();
    }

    private void ShowDetail()
    {
        var i = Lists.Selected(_list, _model.Reporters.Count);
        for (var k = 0; k < 4; k++)
        {
            var part = i is int n ? _model.Parts(n)[k] : (Title: "", Text: "");
            _parts[k].Title = i is null ? "" : part.Title;
            _partText[k].Text = part.Text;
        }
        _comments.Text = i is int m ? _model.CommentText(m) : "";
    }

    private string? SelectedCode()
    {
        if (Lists.Selected(_list, _model.Reporters.Count) is int i) return _model.Reporters[i].Entry.OrgCode;
        Host.Error("请先选择述职人");
        return null;
    }

    private void Debrief()
    {
        if (SelectedCode() is not { } code) return;
        var answer = FormDialog.Ask(Context.App, $"{code} 现场述职",
            [new FormField("成效"), new FormField("突出问题"), new FormField("根源"), new FormField("措施"), new FormField("或报告文件")],
            "第五条：总结成效，查摆突出问题，分析根源，提出措施（问题为空将被标记）；填了报告文件（txt、md、docx）则从文件读取");
        if (answer is null) return;
        try
        {
            var w = string.IsNullOrWhiteSpace(answer[4])
                ? _model.Debrief(code, answer[0], answer[1], answer[2], answer[3])
                : _model.DebriefFromFile(code, answer[4]);
            Host.Info(w.Count == 0 ? $"已记录 {code} 的述职" : string.Join("；", w));
        }
        finally
        {
            Show();
        }
    }

    private void Meeting()
    {
        var answer = FormDialog.Ask(Context.App, "述职评议会",
            [new FormField("形式", "常委会扩大会议"), new FormField("日期", DateTime.Today.ToString("yyyy-MM-dd")), new FormField("列席人员", "党代表=0,人大代表=0,政协委员=0,基层党员干部群众代表=0")],
            "第五条：一般以召开党委（党组）扩大会议的形式进行；第八条：可邀请党代表、人大代表、政协委员和基层党员干部群众代表列席");
        if (answer is null) return;
        Run(() => _model.RecordMeeting(answer[0], answer[1], answer[2]), "已记录述职评议会");
    }

    private void Publish()
    {
        var answer = FormDialog.Ask(Context.App, "公开述职报告", [new FormField("范围", "全体党员干部")], "第五条：述职报告会后在一定范围内公开");
        if (answer is null) return;
        string? done = null;
        Host.Guard(() => done = _model.Publish(answer[0]));
        if (done is not null) Host.Info(done);
    }

    private void Written()
    {
        if (SelectedCode() is not { } code) return;
        var answer = FormDialog.Ask(Context.App, $"{code} 书面述职", [new FormField("原因")],
            "第五条：市、县、乡党委书记一般现场述职；书面述职须写明原因");
        if (answer is null) return;
        Run(() => _model.WrittenDebrief(code, answer[0]), $"已记录 {code} 的书面述职");
    }

    /// <summary>Runs a write; its refusal (with its article) shows where it happened, its warnings in the message line.</summary>
    private void Run(Func<IReadOnlyList<string>> write, string done)
    {
        IReadOnlyList<string>? warnings = null;
        Host.Guard(() => warnings = write());
        if (warnings is not null) Host.Info(warnings.Count == 0 ? done : string.Join("；", warnings));
        Show();
    }

    private void Comment()
    {
        if (SelectedCode() is not { } code) return;
        var answer = FormDialog.Ask(Context.App, $"点评 {code}", [new FormField("存在的问题"), new FormField("努力方向"), new FormField("点评人", "superior")],
            "第五条：重点指出存在的问题和努力方向；点评人 superior 上级书记 | member 班子成员 | higher 上级组织部门派员（第八条）");
        if (answer is null) return;
        try
        {
            var w = _model.Comment(code, answer[0], answer[1], answer[2]);
            Host.Info(w.Count == 0 ? $"已记录对 {code} 的点评" : string.Join("；", w));
        }
        finally
        {
            Show();
        }
    }
}
