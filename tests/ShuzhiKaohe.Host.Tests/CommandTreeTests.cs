using ShuzhiKaohe.Cli;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>The command tree a start builds: only the noun the words name (issue 11's cold start), else all of them.</summary>
public sealed class CommandTreeTests
{
    private static CliApp App(StringWriter? output = null, StringWriter? error = null) =>
        new(_ => throw new InvalidOperationException("no services in these tests"), _ => ExitCodes.Usage, output ?? new StringWriter(), error ?? new StringWriter());

    [Fact]
    public void Each_noun_builds_the_command_it_is_named_by()
    {
        var app = App();
        Assert.Equal(CliApp.Groups.Count, CliApp.Groups.Select(g => g.Noun).Distinct().Count());
        foreach (var g in CliApp.Groups) Assert.Equal(g.Noun, g.Build(app).Name);
    }

    [Theory]
    [InlineData("plugin list --json", "plugin")]
    [InlineData("--db /tmp/x.db --json org find 武汉", "org")]
    [InlineData("--db=/tmp/x.db campaign list", "campaign")]
    [InlineData("--operator plugin db check", "db")] // "plugin" is --operator's value here, not the noun
    public void Words_naming_a_noun_build_only_that_noun(string line, string noun)
    {
        var root = App().BuildRoot(line.Split(' '));
        Assert.Equal([noun], root.Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("--json plugn list")]
    [InlineData("-- plugin list")]
    public void Without_a_known_noun_every_noun_is_built(string line)
    {
        var root = App().BuildRoot(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(CliApp.Groups.Select(g => g.Noun), root.Subcommands.Select(c => c.Name));
    }

    [Fact]
    public void Help_still_lists_every_noun_and_a_typo_is_still_a_usage_error()
    {
        var output = new StringWriter();
        Assert.Equal(0, App(output).Invoke(["--help"]));
        foreach (var g in CliApp.Groups) Assert.Contains(g.Noun, output.ToString());

        var error = new StringWriter();
        Assert.Equal(ExitCodes.Usage, App(error: error).Invoke(["plugn", "list"]));
        Assert.Contains("plugn", error.ToString());
    }
}
