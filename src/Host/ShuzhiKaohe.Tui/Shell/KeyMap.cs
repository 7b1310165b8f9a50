using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>The keys of one screen (or of the shell) in the order help lists them.</summary>
public sealed class KeyMap
{
    private readonly List<ScreenKey> _entries = [];

    public IReadOnlyList<ScreenKey> Entries => _entries;

    /// <summary>A key the screen handles itself.</summary>
    public KeyMap On(Key key, string label, string action, Action run, bool inBar = false) =>
        Add(new ScreenKey([key], label, action, run, inBar));

    /// <summary>Keys the focused widget handles (a list's movement keys): declared so that help lists them.</summary>
    public KeyMap Widget(string label, string action, params Key[] keys) =>
        Add(new ScreenKey(keys, label, action, null, false));

    /// <summary>The entry for <paramref name="key"/>, if this map declares it.</summary>
    public ScreenKey? Find(Key key) => _entries.FirstOrDefault(e => e.Matches(key));

    private KeyMap Add(ScreenKey entry)
    {
        var clash = entry.Keys.FirstOrDefault(k => Find(k) is not null);
        if (clash is not null)
            throw new InvalidOperationException($"key {clash} is declared twice on one screen");
        _entries.Add(entry);
        return this;
    }
}
