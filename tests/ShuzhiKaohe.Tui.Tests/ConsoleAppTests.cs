using ShuzhiKaohe.Core;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>How the console applies its settings to the application (the real terminal side is in the tmux walk).</summary>
public sealed class ConsoleAppTests
{
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Console_Mouse_setting_switches_mouse_capture(bool mouse, bool disabled)
    {
        using var app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);

        ConsoleApp.Apply(app, new ConsoleSettings(mouse));

        Assert.Equal(disabled, app.Mouse.IsMouseDisabled);
    }
}
