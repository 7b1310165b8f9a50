using ShuzhiKaohe.Tui.Campaigns;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace ConsoleBench;

/// <summary>
/// The grading screen (综合评价) of a large campaign in the evaluation stage: a seeded walk through the list
/// (arrows, pages, ends), grades set by hand with a reason and routine observations entered through their forms,
/// refreshes, and one proposal of all grades (a one-off action, reported apart).
/// </summary>
internal static class GradingWalk
{
    public static void Run(BenchConsole console, BenchCampaign campaign, TextWriter w)
    {
        var timer = console.NewTimer();
        timer.TimeApart($"Enter open campaign ({campaign.Roster} assessees)", () => console.Shell.Push(new CampaignScreen(console.Context, campaign.Id)));
        timer.TimeApart("g open grading", () => console.App.InjectKey(new Key('g')));
        BallotWalk.Expect(console, "综合评价");

        for (var i = 0; i < 5; i++) timer.Untimed(Key.CursorDown);
        for (var i = 0; i < 5; i++) timer.Untimed(Key.CursorUp);

        var random = new Random(6);
        for (var i = 1; i <= 400; i++)
        {
            var roll = random.Next(100);
            if (roll < 60) timer.Time("↓ move", Key.CursorDown);
            else if (roll < 75) timer.Time("↑ move", Key.CursorUp);
            else if (roll < 90) timer.Time("PgDn", Key.PageDown);
            else if (roll < 96) timer.Time("PgUp", Key.PageUp);
            else timer.Time(roll < 98 ? "End" : "Home", roll < 98 ? Key.End : Key.Home);
            if (i % 20 == 0)
                timer.Form("1–4: key to the reason form", new Key((char)('1' + random.Next(4))), "Enter in the form: grade saved, screen reloaded", "基准测试：人工确定等次");
            if (i % 40 == 0)
                timer.Form("o: key to the observation form", new Key('o'), "Enter in the form: observation saved, screen reloaded", "88", "基准测试：平时了解");
            if (i % 100 == 0) timer.Time("F5: refresh", Key.F5);
        }
        BallotWalk.Expect(console, "人工");
        timer.TimeApart($"p: propose all grades ({campaign.Roster} scored)", () => console.App.InjectKey(new Key('p')));
        BallotWalk.Expect(console, "已提出建议等次");
        timer.Report($"grading: campaign {campaign.Id} ({campaign.Name}), {campaign.Roster} assessees", w);
        console.Shell.Back();
        console.Shell.Back();
        console.App.LayoutAndDraw();
    }
}
