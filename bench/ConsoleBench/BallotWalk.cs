using ShuzhiKaohe.Tui.Campaigns;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace ConsoleBench;

/// <summary>
/// The ballot entry screen (测评票录入) of a large campaign in the session stage with thousands of sheets keyed:
/// opens the campaign and the screen as an operator does, keys whole sheets (one digit per reporter, a correction
/// now and then, Enter), moves around the list, voids and saves sheets, and refreshes.
/// </summary>
internal static class BallotWalk
{
    public static void Run(BenchConsole console, BenchCampaign campaign, int sheets, TextWriter w)
    {
        var timer = console.NewTimer();
        timer.TimeApart($"Enter open campaign ({campaign.Roster} assessees)", () => console.Shell.Push(new CampaignScreen(console.Context, campaign.Id)));
        timer.TimeApart("b open ballot entry", () => console.App.InjectKey(new Key('b')));
        Expect(console, "测评票录入");

        // Warm-up (not counted): JIT of the keying path.
        for (var i = 0; i < 10; i++) timer.Untimed(new Key('1'));
        for (var i = 0; i < 10; i++) timer.Untimed(Key.Backspace);

        var random = new Random(5);
        for (var s = 0; s < sheets; s++)
        {
            for (var r = 0; r < campaign.Roster; r++)
            {
                var roll = random.Next(100);
                timer.Time("digit: mark and advance", new Key(roll < 5 ? '0' : (char)('1' + roll % 4)));
                if (roll == 99 && r > 0)
                {
                    timer.Time("Backspace: correct", Key.Backspace);
                    timer.Time("digit: mark and advance", new Key('2'));
                }
            }
            for (var i = 0; i < 5; i++) timer.Time("↑ ↓ PgUp PgDn: move in the list", random.Next(2) == 0 ? Key.CursorUp : Key.PageUp);
            for (var i = 0; i < 5; i++) timer.Time("↑ ↓ PgUp PgDn: move in the list", random.Next(2) == 0 ? Key.CursorDown : Key.PageDown);
            timer.Time($"Enter: save sheet ({campaign.Roster} marks)", Key.Enter);
            Expect(console, "已保存测评票");
            timer.Time("F5: refresh", Key.F5);
        }
        // Spoilt sheets: void and save, many times (each save writes, re-seals and re-reads the counts).
        for (var i = 0; i < 10; i++)
        {
            timer.Time("v: void the sheet", new Key('v'));
            timer.Time("Enter: save void sheet", Key.Enter);
        }
        Expect(console, "（作废）");
        timer.Report($"ballot entry: campaign {campaign.Id} ({campaign.Name}), {campaign.Roster} reporters per sheet, {campaign.Sheets:N0} sheets keyed before, {sheets} keyed here", w);
        console.Shell.Back();
        console.Shell.Back();
        console.App.LayoutAndDraw();
    }

    internal static void Expect(BenchConsole console, string text)
    {
        console.App.LayoutAndDraw();
        if (!console.Text.Contains(text, StringComparison.Ordinal) && !console.Shell.Message.Contains(text, StringComparison.Ordinal))
            throw new InvalidOperationException($"the screen does not show “{text}”:\n{console.Text}\nmessage: {console.Shell.Message}");
    }
}
