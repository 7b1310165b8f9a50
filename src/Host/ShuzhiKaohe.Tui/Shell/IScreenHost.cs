namespace ShuzhiKaohe.Tui.Shell;

/// <summary>What a screen may ask of the shell around it.</summary>
public interface IScreenHost
{
    /// <summary>Opens a registered screen by id on top of the current one.</summary>
    void Open(string screenId);

    /// <summary>Shows <paramref name="screen"/> on top of the current one; Esc comes back.</summary>
    void Push(Screen screen);

    /// <summary>Closes the current screen; on the home screen this quits the console.</summary>
    void Back();

    /// <summary>A one-line note on the message line above the key bar.</summary>
    void Info(string message);

    /// <summary>An error on the message line, where the operator is looking, not in a log.</summary>
    void Error(string message);

    /// <summary>Asks before a destructive step. Enter alone cancels: the default button is 取消.</summary>
    bool Confirm(string question, string actionLabel);

    /// <summary>
    /// Runs an operator's action. A refusal of Core (a rule, bad input, not found) goes to the message line; any
    /// other failure is shown in a dialog, so nothing fails silently.
    /// </summary>
    void Guard(Action action);
}
