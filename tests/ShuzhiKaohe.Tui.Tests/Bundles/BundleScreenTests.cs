using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Bundles;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Bundles;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests.Bundles;

/// <summary>
/// Reporting upward from the console (issue 7 §9, 第八条): the palette opens the bundle screen; Enter writes the
/// campaign's signed bundle; F4 imports a file — a damaged one is refused where it happened and nothing is received.
/// </summary>
public sealed class BundleScreenTests : IDisposable
{
    private readonly TempDir _dir = new("tui-bundle");
    private readonly ConsoleHarness _h = new(100, 30);
    private readonly long _campaign;

    public BundleScreenTests()
    {
        using (var c = (SqliteConnection)_h.Core.Get<Database>().Open())
            DivisionSeed.LoadCounty(c, "420102");
        _campaign = _h.Core.Get<CampaignService>().Create("420102", 2023, 0.3).Value.Campaign.Id;
        _h.Core.Get<SigningKeyService>().Create("420102");
    }

    public void Dispose()
    {
        _h.Dispose();
        _dir.Dispose();
    }

    private BundleScreen OpenFromPalette()
    {
        _h.InDialog(new Key(':'), () => _h.Press([.. "sbclb".Select(c => new Key(c)), Key.Enter]));
        return Assert.IsType<BundleScreen>(_h.Shell.Current);
    }

    [Fact]
    public void Enter_writes_the_signed_bundle_and_F4_refuses_an_altered_copy_where_it_happened()
    {
        var screen = OpenFromPalette();
        Assert.Contains("江岸区 2023 年度（计划）", _h.Text);
        Assert.Contains("（尚未接收）", _h.Text);
        var path = _dir.File("jiangan-2023.bundle");
        screen.Choose(_campaign, exportPath: path);

        _h.Press(Key.Enter);
        Assert.StartsWith("✓ 已导出签名材料包", screen.Status);
        var bytes = File.ReadAllBytes(path);
        Assert.StartsWith("shuzhi-bundle/1", System.Text.Encoding.UTF8.GetString(bytes));

        var altered = _dir.File("altered.bundle");
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(altered, bytes);
        screen.Choose(_campaign, importPath: altered);
        _h.Press(Key.F4);
        Assert.StartsWith("✗", screen.Status);
        Assert.Contains("第八条", _h.Text);
        Assert.Equal(["（尚未接收）"], screen.ReceivedRows);
    }
}
