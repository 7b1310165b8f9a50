using System.Text.Json;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Ballots;
using Microsoft.Extensions.DependencyInjection;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests.Campaigns;

/// <summary>Ballot entry from paper (第五条): speed, correction, void, duplicate serials, roles, and the CLI's tally.</summary>
public sealed class BallotEntryTests
{
    /// <summary>Home → the campaign → b: the ballot entry screen of the only campaign.</summary>
    private static (ConsoleHarness H, long Id) AtBallotEntry(int width = 80, int height = 24)
    {
        var h = new ConsoleHarness(width, height);
        County.Load(h.Core.Services);
        var id = County.InSession(h.Core.Services);
        h.Press(Key.F5, Key.Enter, new Key('b'));
        Assert.IsType<BallotEntryScreen>(h.Shell.Current);
        return (h, id);
    }

    [Fact]
    public void A_15_reporter_sheet_takes_at_most_20_keystrokes_and_its_serial_fills_itself()
    {
        var (h, id) = AtBallotEntry();
        using var _ = h;
        Assert.Contains("测评票 001", h.Text);
        var screen = (BallotEntryScreen)h.Shell.Current;
        Assert.Equal(15, screen.Model.Reporters.Count);

        // The sheet as read from paper: 好 较好 一般 差 and a blank, three times over.
        var digits = "123401234012340";
        var keys = digits.Select(d => new Key(d)).Append(Key.Enter).ToList();
        h.Press([.. keys]);

        Assert.True(keys.Count <= 20, $"{keys.Count} keystrokes for one sheet");
        Assert.Contains("已保存测评票 001", h.Shell.Message);
        Assert.Contains("测评票 002", h.Text);
        var tally = h.Core.Get<BallotService>().Tally(id).Value;
        Assert.Equal(1, tally.Sheets);
        var expected = digits.Select(d => d == '0' ? (Grade?)null : (Grade)(d - '0')).ToList();
        for (var i = 0; i < 15; i++)
        {
            var c = tally.Assessees.Single(a => a.Code == screen.Model.Reporters[i].Entry.OrgCode).Counts;
            Assert.Equal(expected[i] switch { Grade.Good => (1, 0, 0, 0, 0), Grade.FairlyGood => (0, 1, 0, 0, 0), Grade.Average => (0, 0, 1, 0, 0), Grade.Poor => (0, 0, 0, 1, 0), _ => (0, 0, 0, 0, 1) },
                (c.Good, c.FairlyGood, c.Average, c.Poor, c.Blank));
        }
    }

    [Fact]
    public void Backspace_corrects_v_voids_and_an_incomplete_sheet_is_not_saved()
    {
        var (h, id) = AtBallotEntry();
        using var _ = h;
        var model = ((BallotEntryScreen)h.Shell.Current).Model;

        h.Type("12");
        h.Press(Key.Backspace);
        h.Type("3");
        Assert.Equal([Grade.Good, Grade.Average], [model.MarkOf(0)!.Value, model.MarkOf(1)!.Value]);
        h.Press(Key.Enter);
        Assert.Contains("✗ 还有 13 名述职人未录入", h.Shell.Message);
        Assert.Equal(0, h.Core.Get<BallotKeying>().Status(id).Sheets);

        h.Press(new Key('v'));
        Assert.Contains("【整张作废】", h.Text);
        h.Press(Key.Enter);
        var status = h.Core.Get<BallotKeying>().Status(id);
        Assert.Equal((1, 1), (status.Sheets, status.Void));
        Assert.Contains("已保存测评票 001（作废）", h.Shell.Message);
    }

    [Fact]
    public void A_serial_already_keyed_is_refused_as_soon_as_it_is_set()
    {
        var (h, id) = AtBallotEntry();
        using var _ = h;
        h.Type("111111111111111");
        h.Press(Key.Enter);

        h.InDialog(Key.F2, () => h.Press([Key.End, Key.Backspace, Key.Backspace, Key.Backspace, .. "001".Select(c => new Key(c)), Key.Enter]));

        Assert.Contains("✗ 第五条：测评票 001 已录入，同一张票不能录入两次", h.Shell.Message);
        Assert.Contains("测评票 002", h.Text);
        Assert.Equal(1, h.Core.Get<BallotKeying>().Status(id).Sheets);
    }

    [Fact]
    public void A_clerk_sees_turnout_but_not_the_running_grades()
    {
        var (h, id) = AtBallotEntry(120, 40);
        using var _ = h;
        h.Core.Get<BallotService>().Issue(id, 30);
        h.Type("111111111111111");
        h.Press(Key.Enter);
        Assert.Contains("累计 好1", h.Text);
        var admin = h.Core.Get<OperatorAdmin>();
        admin.Add("clerk1");
        admin.Grant("clerk1", "clerk", County.Code, null);

        using var clerk = new CoreHarness(h.Core.DatabasePath, operatorName: "clerk1");
        var model = ActivatorUtilities.CreateInstance<BallotEntryViewModel>(clerk.Services, id);
        model.Load();

        Assert.False(model.ShowsResults);
        Assert.Empty(model.Running);
        Assert.Equal("已录入 1 / 发放 30 张（作废 0 张，参评率 3 %）", model.Status.Turnout);
        Assert.Equal("002", model.Serial);
        Assert.Throws<NotPermittedException>(() => clerk.Get<BallotService>().Tally(id));
    }

    [Fact]
    public void Sheets_keyed_through_the_view_model_give_the_same_tally_as_the_cli()
    {
        using var core = new CoreHarness();
        County.Load(core.Services);
        var id = County.InSession(core.Services);
        var model = ActivatorUtilities.CreateInstance<BallotEntryViewModel>(core.Services, id);
        model.Load();
        model.Issue(12);
        var expected = model.Reporters.ToDictionary(r => r.Entry.OrgCode, _ => new int[5]);
        for (var sheet = 0; sheet < 10; sheet++)
        {
            if (sheet == 4)
            {
                model.ToggleVoid();
                model.Save();
                continue;
            }
            for (var i = 0; i < model.Reporters.Count; i++)
            {
                var digit = (char)('0' + (sheet * 3 + i * 7) % 5);
                if (i == 5)
                {
                    model.Key('4');
                    model.Backspace();
                }
                model.Key(digit);
                expected[model.Reporters[i].Entry.OrgCode][digit - '0']++;
            }
            model.Save();
        }

        var cli = new ShuzhiProcess(Path.GetDirectoryName(core.DatabasePath)!)
            .Run("ballot", "tally", "--campaign", id.ToString(), "--db", core.DatabasePath, "--operator", "tester", "--json");

        Assert.True(cli.ExitCode == 0, cli.ToString());
        var json = cli.Json();
        Assert.Equal((10, 1, 12), (json.GetProperty("sheets").GetInt32(), json.GetProperty("void").GetInt32(), json.GetProperty("issued").GetInt32()));
        foreach (var a in json.GetProperty("assessees").EnumerateArray())
        {
            var e = expected[a.GetProperty("code").GetString()!];
            Assert.Equal((e[1], e[2], e[3], e[4], e[0]), (Int(a, "good"), Int(a, "fairly_good"), Int(a, "average"), Int(a, "poor"), Int(a, "blank")));
        }
        var mine = core.Get<BallotService>().Tally(id).Value;
        Assert.Equal(json.GetProperty("hash").GetString(), mine.Hash);
    }

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();
}
