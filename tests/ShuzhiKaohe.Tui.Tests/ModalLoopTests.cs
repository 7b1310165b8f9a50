using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>Terminal.Gui's iteration rate is process-wide: these run alone, so no other test's dialog moves it meanwhile.</summary>
[CollectionDefinition(nameof(ModalLoopTests), DisableParallelization = true)]
public sealed class ModalLoopCollection;

/// <summary>
/// A form's Enter must not wait out Terminal.Gui's idle throttle (40 ms at 25 iterations a second) before the screen
/// can act on it (issue 11: 42 of the 56 ms of saving one grade on the national campaign).
/// </summary>
[Collection(nameof(ModalLoopTests))]
public sealed class ModalLoopTests
{
    [Fact]
    public void A_form_runs_its_loop_fast_and_the_idle_shell_keeps_the_default_rate()
    {
        using var h = new ConsoleHarness();
        var idle = Application.MaximumIterationsPerSecond;
        ushort? inForm = null;
        void OnIteration(object? sender, EventArgs e)
        {
            if (ReferenceEquals(h.App.TopRunnableView, h.Shell) || inForm is not null) return;
            inForm = Application.MaximumIterationsPerSecond;
            h.App.InjectKey(new Key('x'));
            h.App.InjectKey(Key.Enter);
        }
        h.App.Iteration += OnIteration;
        string[]? answer;
        try
        {
            answer = FormDialog.Ask(h.App, "表单", [new FormField("理由")]);
        }
        finally
        {
            h.App.Iteration -= OnIteration;
        }

        Assert.Equal(["x"], answer!);
        Assert.True(idle < ModalLoop.IterationsPerSecond, $"the idle rate {idle} should stay Terminal.Gui's default, below the form's");
        Assert.Equal(ModalLoop.IterationsPerSecond, inForm);
        Assert.Equal(idle, Application.MaximumIterationsPerSecond);
    }

    [Fact]
    public void Nested_dialogs_restore_the_rate_only_when_the_last_one_closes()
    {
        using var h = new ConsoleHarness();
        var idle = Application.MaximumIterationsPerSecond;
        ushort? afterInner = null;
        var depth = 0;
        void OnIteration(object? sender, EventArgs e)
        {
            if (ReferenceEquals(h.App.TopRunnableView, h.Shell)) return;
            depth++;
            if (depth == 1)
            {
                // In the outer form: open a second one, close it, then see the rate the outer one still runs at.
                FormDialog.Ask(h.App, "内层", [new FormField("b")]);
                afterInner = Application.MaximumIterationsPerSecond;
                h.App.InjectKey(Key.Enter);
            }
            else if (depth == 2)
            {
                h.App.InjectKey(Key.Enter);
            }
        }
        h.App.Iteration += OnIteration;
        try
        {
            FormDialog.Ask(h.App, "外层", [new FormField("a")]);
        }
        finally
        {
            h.App.Iteration -= OnIteration;
        }

        Assert.Equal(ModalLoop.IterationsPerSecond, afterInner);
        Assert.Equal(idle, Application.MaximumIterationsPerSecond);
    }

    [Fact]
    public void A_confirmation_runs_its_loop_as_fast_as_a_form()
    {
        using var h = new ConsoleHarness();
        var idle = Application.MaximumIterationsPerSecond;
        ushort? inDialog = null;
        void OnIteration(object? sender, EventArgs e)
        {
            if (ReferenceEquals(h.App.TopRunnableView, h.Shell) || inDialog is not null) return;
            inDialog = Application.MaximumIterationsPerSecond;
            h.App.InjectKey(Key.Esc);
        }
        h.App.Iteration += OnIteration;
        bool confirmed;
        try
        {
            confirmed = h.Shell.Confirm("确定吗？", "确定");
        }
        finally
        {
            h.App.Iteration -= OnIteration;
        }

        Assert.False(confirmed);
        Assert.Equal(ModalLoop.IterationsPerSecond, inDialog);
        Assert.Equal(idle, Application.MaximumIterationsPerSecond);
    }
}
