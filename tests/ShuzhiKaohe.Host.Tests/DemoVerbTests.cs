using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary><c>shuzhi demo</c> through the real executable: 湖北省, the financial holding group, campaigns at four stages.</summary>
public sealed class DemoVerbTests : IDisposable
{
    private readonly CliSession _cli = new("demo");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Demo_builds_campaigns_at_four_stages_on_an_empty_database_and_only_there()
    {
        var demo = _cli.Ok("demo").Json();

        Assert.True(demo.GetProperty("organisations").GetInt32() > 1700);
        Assert.Equal(["plan", "session", "evaluation", "approved"],
            demo.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("stage").GetString()!).ToList());
        var session = demo.GetProperty("campaigns")[1].GetProperty("id").GetInt64().ToString();
        var tally = _cli.Ok("ballot", "tally", "--campaign", session).Json();
        Assert.Equal((24, 30), (tally.GetProperty("sheets").GetInt32(), tally.GetProperty("issued").GetInt32()));
        Assert.NotEmpty(_cli.Ok("rectify", "list", "--overdue").Json().EnumerateArray());
        Assert.True(_cli.Ok("audit", "verify").Json().GetProperty("ok").GetBoolean());

        var again = _cli.Run("demo");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("空数据库", again.Stderr);
    }
}
