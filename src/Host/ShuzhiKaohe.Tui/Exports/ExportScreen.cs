using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Exports;
using ShuzhiKaohe.Tui.Organisations;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Exports;

/// <summary>
/// Export of the documents (issue 8) from the console: pick the campaign and the document in two lists, a format
/// (empty for the document's own), the output path (filled with the standard name, editable; a folder ending in /
/// gives one file per person for 综合评价意见 and 述职报告), Enter to write. The result or the refusal shows below.
/// </summary>
public sealed class ExportScreen : Screen
{
    public const string ScreenId = "exports";

    private readonly ExportViewModel _model;
    private readonly ListView _campaigns;
    private readonly ListView _documents;
    private readonly Label _formats;
    private readonly TextField _format;
    private readonly TextField _path;
    private readonly Label _status;
    private readonly ListView _result;
    private readonly ObservableCollection<string> _campaignRows = [];
    private readonly ObservableCollection<string> _rows = [];
    private IReadOnlyList<ExportCampaignChoice> _choices = [];
    private Task? _running;
    private bool _closed;

    public ExportScreen(ScreenContext context, ExportViewModel model) : base(context)
    {
        _model = model;
        var noHotKey = OrganisationImportScreen.NoHotKey;
        var campaignLabel = new Label { X = 0, Y = 0, Text = "考核：" };
        _campaigns = new ListView { X = 6, Y = 0, Width = Dim.Fill(), Height = 4, KeystrokeNavigator = null };
        _campaigns.SetSource(_campaignRows);
        var documentLabel = new Label { X = 0, Y = 4, Text = "文书：" };
        _documents = new ListView { X = 6, Y = 4, Width = 34, Height = 6, KeystrokeNavigator = null };
        _documents.SetSource(new ObservableCollection<string>(ExportViewModel.Documents.Select(ExportViewModel.DocumentText)));
        _formats = new Label { X = 42, Y = 4, Width = Dim.Fill(), Height = 2, HotKeySpecifier = noHotKey };
        _formats.TextFormatter.WordWrap = true;
        var formatLabel = new Label { X = 0, Y = 10, Text = "格式：" };
        _format = new TextField { X = 6, Y = 10, Width = 8 };
        var pathLabel = new Label { X = 0, Y = 11, Text = "输出：" };
        _path = new TextField { X = 6, Y = 11, Width = Dim.Fill() };
        _status = new Label { X = 0, Y = 12, Width = Dim.Fill(), Height = 1, HotKeySpecifier = noHotKey, Text = "选好考核和文书后按 Enter 导出" };
        _result = new ListView { X = 0, Y = 13, Width = Dim.Fill(), Height = Dim.Fill(), KeystrokeNavigator = null };
        _result.SetSource(_rows);
        _campaigns.ValueChanged += (_, _) => Refill();
        _documents.ValueChanged += (_, _) => Refill();
        Add(campaignLabel, _campaigns, documentLabel, _documents, _formats, formatLabel, _format, pathLabel, _path, _status, _result);
    }

    public override string ScreenTitle => "导出文书";

    public bool IsRunning => _running is { IsCompleted: false };

    /// <summary>The heading of the last outcome, as the status line shows it.</summary>
    public string Status => _status.Text;

    public IReadOnlyList<string> ResultLines => _rows;

    public string OutputPath => _path.Text;

    /// <summary>Chooses the campaign (by id), the document, the format and the path, as an operator would.</summary>
    public void Choose(long campaignId, ExportDocument document, string format = "", string? path = null)
    {
        _campaigns.SelectedItem = _choices.ToList().FindIndex(c => c.Id == campaignId);
        _documents.SelectedItem = ExportViewModel.Documents.ToList().IndexOf(document);
        _format.Text = format;
        Refill();
        if (path is not null) _path.Text = path;
    }

    public override void OnShown()
    {
        _choices = _model.Campaigns();
        Lists.Replace(_campaigns, _campaignRows, _choices.Select(c => c.Text));
        if (_choices.Count == 0) _status.Text = "没有可导出的考核（或没有权限）";
        _campaigns.SelectedItem = _choices.Count > 0 ? 0 : null;
        _documents.SelectedItem ??= 0;
        Refill();
        _campaigns.SetFocus();
    }

    protected override void DeclareKeys(KeyMap keys) => keys
        .On(Key.Enter, "Enter", "导出", Start, inBar: true)
        .Widget("Tab Shift+Tab", "在考核、文书、格式、输出路径、结果之间切换", Key.Tab, Key.Tab.WithShift)
        .Widget("↑ ↓", "选择考核或文书；滚动结果", Key.CursorUp, Key.CursorDown)
        .Widget("← → Backspace", "在输入框中编辑（输入框中 ? : 按文字输入）", Key.CursorLeft, Key.CursorRight, Key.Backspace, Key.Delete);

    private ExportCampaignChoice? Campaign => _campaigns.SelectedItem is { } i && i >= 0 && i < _choices.Count ? _choices[i] : null;

    private ExportDocument Document => ExportViewModel.Documents[Math.Clamp(_documents.SelectedItem ?? 0, 0, ExportViewModel.Documents.Count - 1)];

    private void Refill()
    {
        _formats.Text = ExportViewModel.FormatsText(Document);
        if (Campaign is { } c) _path.Text = ExportViewModel.DefaultPath(c, Document, _format.Text);
    }

    private void Start()
    {
        if (IsRunning)
        {
            Host.Info("正在导出，请稍候……");
            return;
        }
        var campaign = Campaign;
        var document = Document;
        var format = _format.Text;
        var path = _path.Text;
        _rows.Clear();
        _status.Text = $"正在导出{document.Chinese()}……";
        Host.Info("");
        var app = Context.App;
        // Off the UI thread: a campaign of thousands takes a second or two, and the console keeps repainting.
        _running = Task.Run(() =>
        {
            ExportOutcome? outcome = null;
            Exception? failure = null;
            try
            {
                outcome = _model.Run(campaign, document, format, path);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
            }
            app.Invoke(() => Finish(outcome, failure));
        });
    }

    private void Finish(ExportOutcome? outcome, Exception? failure)
    {
        if (_closed)
        {
            if (outcome is not null) Host.Info($"导出文书：{outcome.Heading}");
            else if (failure is not null) Host.Error(failure.Message);
            return;
        }
        if (outcome is null)
        {
            _status.Text = "✗ 导出未完成";
            var error = failure ?? new InvalidOperationException("导出没有结果");
            if (error is ShuzhiException or IOException or UnauthorizedAccessException) Host.Error(error.Message);
            else Host.Guard(() => throw error);
            return;
        }
        _status.Text = outcome.Heading;
        foreach (var line in outcome.Lines) _rows.Add(line);
        _result.SelectedItem = _rows.Count > 0 ? 0 : null;
        if (outcome.Written) Host.Info("完成：文件已写入，Esc 返回");
        else Host.Error(outcome.Heading.TrimStart('✗', ' '));
    }

    protected override void Dispose(bool disposing)
    {
        _closed = true;
        base.Dispose(disposing);
    }
}

/// <summary>Registers the export screen: the <c>:</c> palette reaches it ("导出文书", dcws).</summary>
public sealed class ExportScreenRegistration : IScreenRegistration
{
    public ScreenEntry Entry { get; } = new(ExportScreen.ScreenId, "导出文书", 80,
        ctx => new ExportScreen(ctx, ActivatorUtilities.CreateInstance<ExportViewModel>(ctx.Services)));
}
