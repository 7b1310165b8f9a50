using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>
/// One key a screen handles, declared once: the same entry drives the key handling, the key bar, the <c>?</c> help
/// and the <c>:</c> palette, so they cannot drift apart.
/// </summary>
/// <param name="Keys">The keys that trigger it (several for e.g. ↑ ↓).</param>
/// <param name="Label">How the key is written in help and the key bar (e.g. "Enter", "↑ ↓").</param>
/// <param name="Action">What it does, in Chinese, as help and the palette show it.</param>
/// <param name="Run">The handler; <c>null</c> when the focused widget handles the key itself (list movement).</param>
/// <param name="InBar">Whether the key bar shows it (the bar is one line: keep it to the keys an operator needs most).</param>
public sealed record ScreenKey(IReadOnlyList<Key> Keys, string Label, string Action, Action? Run, bool InBar)
{
    /// <summary>Keys a widget handles are listed in help but not offered in the palette: they need a focus.</summary>
    public bool IsCommand => Run is not null;

    public bool Matches(Key key) => Keys.Any(k => k == key);
}
