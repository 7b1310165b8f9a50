using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Exports;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Exports;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests.Exports;

/// <summary>The export screen: reached from the palette, it writes the chosen document and shows the files or the refusal.</summary>
public sealed class ExportScreenTests : IDisposable
{
    private readonly TempDir _dir = new("tui-export");
    private readonly ConsoleHarness _h = new(100, 30);
    private readonly long _campaign;

    public ExportScreenTests()
    {
        using (var c = (SqliteConnection)_h.Core.Get<Database>().Open())
            DivisionSeed.LoadCounty(c, "420102");
        _campaign = _h.Core.Get<CampaignService>().Create("420102", 2023, 0.3).Value.Campaign.Id;
    }

    public void Dispose()
    {
        _h.Dispose();
        _dir.Dispose();
    }

    private ExportScreen OpenFromPalette()
    {
        _h.InDialog(new Key(':'), () => _h.Press([.. "dcws".Select(c => new Key(c)), Key.Enter]));
        return Assert.IsType<ExportScreen>(_h.Shell.Current);
    }

    private void PumpUntil(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the export");
            _h.App.TimedEvents!.RunTimers();
            Thread.Sleep(5);
        }
        _h.App.TimedEvents!.RunTimers();
        _h.App.LayoutAndDraw();
    }

    [Fact]
    public void The_palette_opens_it_and_Enter_writes_the_summary_of_a_campaign_still_in_plan()
    {
        var screen = OpenFromPalette();
        Assert.Contains("江岸区 2023 年度（计划）", _h.Text);
        Assert.Contains("汇总表（summary）", _h.Text);
        var path = _dir.File("summary.xlsx");
        screen.Choose(_campaign, ExportDocument.Summary, "", path);

        _h.Press(Key.Enter);
        PumpUntil(() => !screen.IsRunning && screen.Status.StartsWith('✓'));

        Assert.StartsWith("✓ 已导出述职评议考核汇总表（xlsx，17 行", screen.Status);
        Assert.Contains("未审定", screen.Status);
        Assert.True(File.Exists(path));
        Assert.Contains(screen.ResultLines, l => l.Contains("第六条", StringComparison.Ordinal));
        Assert.Contains("✓ 已导出", _h.Text);
    }

    [Fact]
    public void A_format_the_document_does_not_come_in_is_shown_with_the_ones_it_does()
    {
        var screen = OpenFromPalette();
        screen.Choose(_campaign, ExportDocument.Evaluations, "xlsx", _dir.File("e.xlsx"));

        _h.Press(Key.Enter);
        PumpUntil(() => !screen.IsRunning && screen.Status.StartsWith('✗'));

        Assert.Contains("没有“xlsx”格式", screen.Status);
        Assert.Contains("可用格式：docx csv json", string.Join("\n", screen.ResultLines));
        Assert.False(File.Exists(_dir.File("e.xlsx")));
    }
}
