using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>One labelled text field of a <see cref="FormDialog"/>.</summary>
public sealed record FormField(string Label, string Initial = "");

/// <summary>
/// A small modal form: labelled text fields, Tab between them, Enter in any field to accept, Esc to cancel.
/// Returns the texts (trimmed), or null when cancelled. Rules are not checked here: Core checks them when the
/// screen submits, and the refusal shows where the operator is looking.
/// </summary>
internal static class FormDialog
{
    public static string[]? Ask(IApplication app, string title, IReadOnlyList<FormField> fields, string? note = null)
    {
        var accepted = false;
        var labelWidth = fields.Max(f => TextWidth.Columns(f.Label)) + 1;
        using var dialog = new Dialog { Title = title, Width = Dim.Percent(90), Height = fields.Count + (note is null ? 4 : 6) };
        var inputs = new List<TextField>();
        var y = 0;
        if (note is not null)
        {
            var noteLabel = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = note };
            dialog.Add(noteLabel);
            y = 2;
        }
        foreach (var f in fields)
        {
            dialog.Add(new Label { X = 0, Y = y, Text = f.Label });
            var input = new TextField { X = labelWidth, Y = y, Width = Dim.Fill(1), Text = f.Initial };
            input.KeyDown += (_, key) =>
            {
                if (key != Key.Enter) return;
                accepted = true;
                key.Handled = true;
                app.RequestStop(dialog);
            };
            inputs.Add(input);
            dialog.Add(input);
            y++;
        }
        inputs[0].SetFocus();
        ModalLoop.Run(app, dialog);
        return accepted ? inputs.Select(i => i.Text.Trim()).ToArray() : null;
    }
}
