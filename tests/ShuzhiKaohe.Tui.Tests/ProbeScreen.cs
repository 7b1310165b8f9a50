using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>
/// A second screen for shell tests: an action refused by a rule, one that fails unexpectedly, and a destructive one
/// behind a confirmation.
/// </summary>
internal sealed class ProbeScreen : Screen
{
    public const string ScreenId = "probe";

    public ProbeScreen(ScreenContext context) : base(context) =>
        Add(new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "探针屏幕：用于测试外壳" });

    public override string ScreenTitle => "测试屏幕";

    public int Deleted { get; private set; }

    public static ScreenEntry Entry => new(ScreenId, "测试屏幕", 100, ctx => new ProbeScreen(ctx));

    protected override void DeclareKeys(KeyMap keys) => keys
        .On(new Key('e'), "e", "触发规则错误", () => throw new RuleViolationException("第六条", "越往下考核工作越要简化"), inBar: true)
        .On(new Key('x'), "x", "触发意外错误", () => throw new InvalidOperationException("探针故意失败"))
        .On(Key.Delete, "Del", "删除（需确认）", DeleteAfterConfirm, inBar: true);

    private void DeleteAfterConfirm()
    {
        if (Host.Confirm("确定删除这条记录吗？此操作不能撤销。", "删除")) Deleted++;
    }
}
