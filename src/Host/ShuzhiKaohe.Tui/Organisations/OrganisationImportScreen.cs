using System.Collections.ObjectModel;
using System.Text;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Text.Import;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Organisations;

/// <summary>
/// Import of organisations from a file, in the console: the path, an optional sector, "check only"; the import runs
/// off the UI thread with a progress bar, then the summary, or the rejected rows with their line numbers in a list
/// that scrolls. Esc goes back to the tree, which reads itself again.
/// </summary>
public sealed class OrganisationImportScreen : Screen
{
    /// <summary>Labels that show data: a '_' in it (parent_code, a file name) is text, not a hot key mark.</summary>
    internal static readonly Rune NoHotKey = new('\uffff');

    private readonly OrganisationImportViewModel _model;
    private readonly TextField _path;
    private readonly TextField _sector;
    private readonly CheckBox _dryRun;
    private readonly ProgressBar _progress;
    private readonly Label _status;
    private readonly ListView _result;
    private readonly ObservableCollection<string> _rows = [];
    private Task? _running;
    private bool _closed;

    public OrganisationImportScreen(ScreenContext context, OrganisationImportViewModel model) : base(context)
    {
        _model = model;
        var pathLabel = new Label { X = 0, Y = 0, Text = "文件路径：" };
        // Several files (divisions;villages.csv.gz) are imported in one transaction, as `org import A B`.
        _path = new TextField { X = 10, Y = 0, Width = Dim.Fill() };
        var sectorLabel = new Label { X = 0, Y = 1, Text = "板块：" };
        _sector = new TextField { X = 10, Y = 1, Width = 16 };
        var sectorDefault = new Label { X = 28, Y = 1, Text = "留空为地方（localities）" };
        _dryRun = new CheckBox { X = 10, Y = 2, Text = "只校验，不写入" };
        var sectorHint = new Label { X = 0, Y = 3, Width = Dim.Fill(), Height = 1, HotKeySpecifier = NoHotKey, Text = _model.SectorHint };
        var formats = new Label { X = 0, Y = 4, Width = Dim.Fill(), Height = 1, HotKeySpecifier = NoHotKey,
            Text = "多个文件用 ; 分隔；CSV、TSV、XLSX（可 .gz），列 code,name,parent_code,level" };
        _progress = new ProgressBar { X = 0, Y = 5, Width = Dim.Fill(), Height = 1, Fraction = 0 };
        _status = new Label { X = 0, Y = 6, HotKeySpecifier = NoHotKey, Width = Dim.Fill(), Height = 1, Text = "填好路径后按 Enter 开始导入" };
        _result = new ListView { X = 0, Y = 7, Width = Dim.Fill(), Height = Dim.Fill(), KeystrokeNavigator = null };
        _result.SetSource(_rows);
        Add(pathLabel, _path, sectorLabel, _sector, sectorDefault, _dryRun, sectorHint, formats, _progress, _status, _result);
    }

    public override string ScreenTitle => "导入党组织";

    /// <summary>Whether an import is running (the form is locked meanwhile).</summary>
    public bool IsRunning => _running is { IsCompleted: false };

    /// <summary>The heading of the last outcome (summary or refusal), as the status line shows it.</summary>
    public string Status => _status.Text;

    /// <summary>The lines of the last outcome: the summary, or the rejected rows with their line numbers.</summary>
    public IReadOnlyList<string> ResultLines => _rows;

    /// <summary>Fills the form (the walk and the tests type into it the same way).</summary>
    public void Fill(string path, string? sector = null, bool dryRun = false)
    {
        _path.Text = path;
        _sector.Text = sector ?? "";
        _dryRun.Value = dryRun ? CheckState.Checked : CheckState.UnChecked;
    }

    public override void OnShown() => _path.SetFocus();

    protected override void DeclareKeys(KeyMap keys) => keys
        .On(Key.Enter, "Enter", "开始导入", Start, inBar: true)
        .Widget("Tab Shift+Tab", "在路径、板块、只校验、结果之间切换", Key.Tab, Key.Tab.WithShift)
        .Widget("Space", "勾选或取消“只校验，不写入”（在输入框中为空格）", Key.Space)
        .Widget("← → Backspace", "在输入框中编辑（输入框中 ? : 按文字输入）", Key.CursorLeft, Key.CursorRight, Key.Backspace, Key.Delete)
        .Widget("↑ ↓ PgUp PgDn", "滚动结果或错误列表", Key.CursorUp, Key.CursorDown, Key.PageUp, Key.PageDown);

    private void Start()
    {
        if (IsRunning)
        {
            Host.Info("正在导入，请稍候……");
            return;
        }
        var files = OrganisationImportViewModel.Check(_path.Text);
        var path = string.Join(";", files);
        var sector = _sector.Text;
        var dryRun = _dryRun.Value == CheckState.Checked;
        _rows.Clear();
        _progress.Fraction = 0;
        _status.Text = $"正在{(dryRun ? "校验" : "导入")} {string.Join("、", files.Select(Path.GetFileName))}……";
        Host.Info("");
        var app = Context.App;
        var progress = new UiProgress(app, p => ShowProgress(p));
        // Off the UI thread: a national file takes seconds, and the console keeps repainting meanwhile.
        _running = Task.Run(() =>
        {
            ImportOutcome? outcome = null;
            Exception? failure = null;
            try
            {
                outcome = _model.Run(path, sector, dryRun, progress);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
            }
            app.Invoke(() => Finish(outcome, failure));
        });
    }

    private void ShowProgress(ImportProgress p)
    {
        if (_closed) return;
        _progress.Fraction = p.Total <= 0 ? 0 : (float)Math.Clamp((double)p.Done / p.Total, 0, 1);
        _status.Text = p.Total > 0 ? $"{p.Phase}：{p.Done:N0} / {p.Total:N0}" : p.Phase;
    }

    private void Finish(ImportOutcome? outcome, Exception? failure)
    {
        if (_closed)
        {
            // The operator went back meanwhile: say where it ended on the message line.
            if (outcome is not null) Host.Info($"导入党组织：{outcome.Heading}");
            else if (failure is not null) Host.Error(failure.Message);
            return;
        }
        if (outcome is null)
        {
            _progress.Fraction = 0;
            _status.Text = "导入未完成";
            var error = failure ?? new InvalidOperationException("导入没有结果");
            if (error is ShuzhiException) Host.Error(error.Message);
            else Host.Guard(() => throw error);
            return;
        }
        _progress.Fraction = outcome.Accepted ? 1 : 0;
        _status.Text = outcome.Accepted ? "✓ " + outcome.Heading : "✗ " + outcome.Heading;
        foreach (var line in outcome.Lines) _rows.Add(line);
        _result.SelectedItem = _rows.Count > 0 ? 0 : null;
        if (outcome.Accepted) Host.Info("完成：Esc 返回组织树（已重新读取）");
        else
        {
            Host.Error("导入被拒绝，数据库未改动：↑ ↓ 查看各行错误");
            _result.SetFocus();
        }
    }

    protected override void Dispose(bool disposing)
    {
        _closed = true;
        base.Dispose(disposing);
    }

    /// <summary>Reports progress from the import's thread on the UI thread.</summary>
    private sealed class UiProgress(IApplication app, Action<ImportProgress> show) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => app.Invoke(() => show(value));
    }
}
