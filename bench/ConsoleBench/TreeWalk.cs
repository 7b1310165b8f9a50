using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Tui.Organisations;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace ConsoleBench;

/// <summary>
/// The organisations screen over the whole tree (issue 7): a seeded walk of arrows, expands and collapses, Page Down,
/// and a jump by search to the widest township, whose villages are then expanded and walked.
/// </summary>
internal static class TreeWalk
{
    public static void Run(BenchConsole console, TextWriter w)
    {
        var app = console.App;
        var timer = console.NewTimer();
        timer.TimeApart("o open the organisation tree", () => console.Shell.Open(OrganisationsScreen.ScreenId));
        var screen = (OrganisationsScreen)console.Shell.Current;

        // Warm-up: JIT and SQLite's page cache (not counted).
        for (var i = 0; i < 10; i++) timer.Untimed(Key.CursorRight, Key.CursorDown);
        timer.Untimed(Key.Home);

        // A seeded walk over the tree: mostly moving, often expanding (reads children), sometimes collapsing and paging.
        var random = new Random(20231);
        for (var i = 0; i < 600; i++)
        {
            var roll = random.Next(100);
            if (roll < 50) timer.Time("↓ move", Key.CursorDown);
            else if (roll < 60) timer.Time("↑ move", Key.CursorUp);
            else if (roll < 85) timer.Time(screen.Selected is { CanExpand: true } ? "→ expand" : "→ (leaf)", Key.CursorRight);
            else if (roll < 92) timer.Time("← collapse", Key.CursorLeft);
            else timer.Time("PgDn", Key.PageDown);
        }

        // The widest township (most villages): found by search, revealed, expanded, then walked.
        var directory = console.Core.Get<OrganisationDirectory>();
        string? wideCode = null;
        var wideCount = 0;
        foreach (var code in new[] { "4201", "5001", "1101", "4403", "3101", "5101" })
            foreach (var county in directory.ChildrenCounted(code))
                foreach (var town in directory.ChildrenCounted(county.Organisation.Code))
                    if (town.Children > wideCount) (wideCode, wideCount) = (town.Organisation.Code, town.Children);
        if (wideCode is not null)
        {
            timer.TimeApart("/ first search of the process (name index)", () =>
            {
                app.InjectKey(new Key('/'));
                foreach (var c in wideCode) app.InjectKey(new Key(c));
                app.InjectKey(Key.Enter);
            });
            timer.Time("Enter reveal hit", Key.Enter);
            timer.Time($"→ expand widest township ({wideCount} villages)", Key.CursorRight);
            for (var i = 0; i < 100; i++) timer.Time("↓ move", Key.CursorDown);
            for (var i = 0; i < 10; i++) timer.Time("PgDn", Key.PageDown);
        }
        timer.Report($"tree: key-to-repaint over {screen.LoadedOrganisations:N0} organisations read, 120x40, ANSI driver headless", w);
        console.Shell.Back();
        app.LayoutAndDraw();
    }
}
