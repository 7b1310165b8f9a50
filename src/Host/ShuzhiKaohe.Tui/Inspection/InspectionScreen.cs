using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Inspection;

/// <summary>实地考核 (第六条): scores per assessee and item; <c>a</c> records one; a refusal of the guard stays in place.</summary>
public sealed class InspectionScreen : Screen
{
    private readonly InspectionViewModel _model;
    private readonly Label _summary;
    private readonly Label _refusal;
    private readonly ListView _list;
    private readonly ObservableCollection<string> _rows;

    public InspectionScreen(ScreenContext context, long campaignId) : base(context)
    {
        _model = ActivatorUtilities.CreateInstance<InspectionViewModel>(context.Services, campaignId);
        _summary = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        _refusal = new Label { X = 0, Y = 1, Width = Dim.Fill(), Height = 2, SchemeName = nameof(Schemes.Error) };
        _refusal.TextFormatter.WordWrap = true;
        (_list, _rows) = Lists.Create();
        _list.Y = 3;
        _list.Width = Dim.Fill();
        _list.Height = Dim.Fill();
        Add(_summary, _refusal, _list);
        _model.Load();
    }

    public override string ScreenTitle => "实地考核";

    internal InspectionViewModel Model => _model;

    public override void OnShown()
    {
        _model.Load();
        Show();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .Widget("↑ ↓ PgUp PgDn", "选择考核对象或评分", Lists.MoveKeys)
        .On(new Key('a'), "a", "评分：录入一项实地考核评分（依据须含现场查看或走访）", Record, inBar: true)
        .On(Key.F5, "F5", "刷新：重新读取评分", OnShown, inBar: true);

    private void Show()
    {
        _summary.Text = _model.Summary;
        _refusal.Text = _model.Refusal ?? "";
        Lists.Fill(_list, _rows, _model.Rows.Select(r => r.Text).ToList(), "（名单为空）");
        SetNeedsDraw();
    }

    private void Record()
    {
        var rows = _model.Rows;
        var code = Lists.Selected(_list, rows.Count) is int i ? rows[i].OrgCode : "";
        var answer = FormDialog.Ask(Context.App, "实地考核评分",
        [
            new FormField("组织代码", code), new FormField("重点内容代码", "std.1"), new FormField("评分 0–100"),
            new FormField("依据", "site,interview"), new FormField("考核发现（可空）"),
        ], "第六条：现场查看、走访党员群众；不以开会发文、领导批示、记录留痕评判");
        if (answer is null) return;
        try
        {
            var warnings = _model.Record(answer[0], answer[1], answer[2], answer[3], answer[4]);
            Host.Info(warnings.Count == 0 ? $"已录入 {answer[0]} 的 {answer[1]} 评分" : string.Join("；", warnings));
        }
        finally
        {
            Show();
        }
    }
}
