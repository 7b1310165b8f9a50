namespace ShuzhiKaohe.Tui.Shell;

/// <summary>
/// A screen the console offers: its id, its Chinese name (palette and help), the order in the palette, and how to
/// build it. <see cref="Initials"/> are the pinyin initials the palette matches; by default they are derived from the name.
/// </summary>
public sealed record ScreenEntry(string Id, string Name, int Order, Func<ScreenContext, Screen> Create, string? Initials = null)
{
    public string PaletteInitials => Initials ?? Pinyin.Initials(Name);
}

/// <summary>
/// Adds a screen to the console. A class with a parameterless constructor implementing this, anywhere in the
/// console assembly, is found at start-up: a new screen is a new file, with no list to edit.
/// </summary>
public interface IScreenRegistration
{
    ScreenEntry Entry { get; }
}
