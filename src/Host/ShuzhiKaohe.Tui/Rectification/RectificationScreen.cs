using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Rectification;

/// <summary>整改清单 (第七条): items by organisation with 红/黄/绿 deadlines, <c>/</c> to filter, <c>o</c> overdue only, progress entry.</summary>
public sealed class RectificationScreen : Screen, IListFilter
{
    private readonly RectificationViewModel _model;
    private readonly Label _summary;
    private readonly ListView _list;
    private readonly ObservableCollection<string> _rows;
    private readonly Label _detail;

    public RectificationScreen(ScreenContext context, long? campaignId) : base(context)
    {
        _model = new RectificationViewModel(campaignId, context.Services.GetRequiredService<ShuzhiKaohe.Core.Rectification.RectificationService>(),
            context.Services.GetRequiredService<ShuzhiKaohe.Core.Organisations.OrganisationDirectory>());
        _summary = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        (_list, _rows) = Lists.Create();
        _list.Y = 1;
        _list.Width = Dim.Fill();
        _list.Height = Dim.Fill(2);
        _list.ValueChanged += (_, _) => ShowDetail();
        _detail = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2 };
        _detail.TextFormatter.WordWrap = true;
        Add(_summary, _list, _detail);
        _model.Load();
    }

    public override string ScreenTitle => "整改清单";

    public override IListFilter Filter => this;

    internal RectificationViewModel Model => _model;

    string IListFilter.Text => _model.FilterText;

    void IListFilter.Apply(string text)
    {
        _model.ApplyFilter(text);
        Show();
    }

    public override void OnShown()
    {
        _model.Load();
        Show();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .Widget("↑ ↓ PgUp PgDn", "选择整改事项（下方显示措施和责任人）", Lists.MoveKeys)
        .On(new Key('o'), "o", "只看逾期（红）/ 全部", () => { _model.ToggleOverdue(); Show(); }, inBar: true)
        .On(new Key('p'), "p", "进展：记录所选事项的整改进展", Progress, inBar: true)
        .On(new Key('c'), "c", "完成：所选事项整改完成（须确认）", Close)
        .On(new Key('a'), "a", "新增：列入一项整改事项（第四、七条）", Add)
        .On(new Key('x'), "x", "问责：移交追责问责，事项仍须整改（第七条）", Refer)
        .On(Key.F5, "F5", "刷新：重新读取整改清单", OnShown);

    private void Show()
    {
        _summary.Text = _model.Summary;
        Lists.Fill(_list, _rows, _model.Rows, "（没有整改事项）");
        ShowDetail();
        SetNeedsDraw();
    }

    private void ShowDetail() => _detail.Text = Lists.Selected(_list, _model.Items.Count) is int i ? _model.Detail(i) : "";

    private long? SelectedId()
    {
        if (Lists.Selected(_list, _model.Items.Count) is int i) return _model.Items[i].Id;
        Host.Error("请先选择整改事项");
        return null;
    }

    private void Progress()
    {
        if (SelectedId() is not long id) return;
        var answer = FormDialog.Ask(Context.App, $"整改事项 {id} 的进展", [new FormField("进展")]);
        if (answer is null) return;
        try
        {
            var item = _model.Progress(id, answer[0]);
            Host.Info($"已记录整改事项 {id} 的进展（{ShuzhiKaohe.Core.Rectification.RectificationKeys.Chinese(item.Status)}）");
        }
        finally
        {
            Show();
        }
    }

    private void Add()
    {
        var answer = FormDialog.Ask(Context.App, "新增整改事项",
            [new FormField("组织代码"), new FormField("来源", "comment"), new FormField("问题"), new FormField("期限", DateTime.Today.AddDays(90).ToString("yyyy-MM-dd")),
             new FormField("措施"), new FormField("责任人")],
            "来源：comment 点评 | ballot 评议 | inspection 实地考核 | evaluation 综合评价 | inspection_tour 巡视巡察反馈");
        if (answer is null) return;
        Core.Rectification.RectificationItem? item = null;
        Host.Guard(() => item = _model.Add(answer[0], answer[1], answer[2], answer[3], answer[4], answer[5]));
        if (item is not null) Host.Info($"已列入整改事项 {item.Id}");
        Show();
    }

    private void Refer()
    {
        if (SelectedId() is not long id) return;
        var answer = FormDialog.Ask(Context.App, $"整改事项 {id} 移交追责问责", [new FormField("理由")], "第七条：避免简单以问责代替整改——事项仍须整改完成");
        if (answer is null) return;
        Host.Guard(() => _model.Refer(id, answer[0]));
        Host.Info($"已移交追责问责；整改事项 {id} 仍须整改完成（第七条）");
        Show();
    }

    private void Close()
    {
        if (SelectedId() is not long id) return;
        var answer = FormDialog.Ask(Context.App, $"整改事项 {id} 整改完成", [new FormField("完成情况")]);
        if (answer is null) return;
        if (!Host.Confirm($"确定整改事项 {id} 已整改完成吗？完成后不能再记进展。", "完成")) return;
        try
        {
            _model.Close(id, answer[0]);
            Host.Info($"整改事项 {id} 已完成");
        }
        finally
        {
            Show();
        }
    }
}

/// <summary>The whole rectification board (every campaign in scope), reached from the palette.</summary>
public sealed class RectificationScreenRegistration : IScreenRegistration
{
    public ScreenEntry Entry { get; } = new("rectification", "整改清单", 30, ctx => new RectificationScreen(ctx, null));
}
