namespace ShuzhiKaohe.Tui.Shell;

/// <summary>A key a screen handles and what it does, as listed by <c>?</c>.</summary>
public sealed record KeyHelp(string Key, string Action);
