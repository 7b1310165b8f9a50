using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>The <c>/</c> prompt: it takes the message line while open and narrows the screen's list as you type.</summary>
public sealed partial class ShellWindow
{
    private readonly Label _filterLabel;
    private readonly TextField _filterField;

    /// <summary>Whether the <c>/</c> prompt is open.</summary>
    public bool IsFiltering => _filterField.Visible;

    private void StartFilter()
    {
        if (Current.Filter is not { } filter) return;
        _message.Visible = false;
        _filterLabel.Visible = true;
        _filterField.Visible = true;
        _filterField.Text = filter.Text;
        _filterField.SetFocus();
    }

    private void FilterTextChanged()
    {
        if (_filterField.Visible && Current.Filter is { } filter) Guard(() => filter.Apply(_filterField.Text));
    }

    /// <summary>Enter keeps the filter, Esc drops it; every other key goes to the text field.</summary>
    private void FilterKey(Key key)
    {
        if (key == Key.Enter)
        {
            EndFilter();
            key.Handled = true;
        }
        else if (key == Key.Esc)
        {
            Current.Filter?.Apply("");
            EndFilter();
            key.Handled = true;
        }
    }

    private void EndFilter()
    {
        if (!_filterField.Visible) return;
        _filterField.Visible = false;
        _filterLabel.Visible = false;
        _message.Visible = true;
        Current.SetFocus();
        var text = Current.Filter?.Text ?? "";
        Info(text.Length > 0 ? $"筛选：{text}（Esc 清除）" : "");
    }
}
