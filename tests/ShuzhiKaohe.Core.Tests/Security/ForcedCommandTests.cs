using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Core.Tests.Security;

/// <summary>The operator's words over SSH (SSH_ORIGINAL_COMMAND) become verbs and options, never the operator.</summary>
public sealed class ForcedCommandTests
{
    [Theory]
    [InlineData("plugin list --json", new[] { "plugin", "list", "--json" })]
    [InlineData("  audit   list\t--org 11 ", new[] { "audit", "list", "--org", "11" })]
    [InlineData("operator grant alice --role reader --scope '*'", new[] { "operator", "grant", "alice", "--role", "reader", "--scope", "*" })]
    [InlineData("x \"A县 委\" 'it''s' a\\ b", new[] { "x", "A县 委", "its", "a b" })]
    [InlineData("\"say \\\"hi\\\" \\$HOME\"", new[] { "say \"hi\" $HOME" })]
    [InlineData("a; rm -rf / | cat $(id) `id`", new[] { "a;", "rm", "-rf", "/", "|", "cat", "$(id)", "`id`" })]
    [InlineData("''", new[] { "" })]
    [InlineData("", new string[0])]
    public void Words_are_split_like_a_shell_quotes_them_and_nothing_is_expanded(string line, string[] expected) =>
        Assert.Equal(expected, ShellWords.Split(line));

    [Theory]
    [InlineData("list 'open")]
    [InlineData("list \"open")]
    [InlineData("list \\")]
    public void An_unterminated_quote_is_a_usage_error(string line) =>
        Assert.Throws<InvalidInputException>(() => ShellWords.Split(line));

    [Theory]
    [InlineData("--operator bob operator whoami")]
    [InlineData("operator whoami --operator bob")]
    [InlineData("operator whoami --operator=bob")]
    [InlineData("operator whoami --operator:bob")]
    [InlineData("operator whoami '--operator' \"bob\"")]
    public void An_operator_option_in_the_ssh_command_is_dropped_with_a_warning(string typed)
    {
        var r = ForcedCommand.Combine(["--operator", "alice"], typed);
        Assert.Equal(["--operator", "alice", "operator", "whoami"], r.Args);
        Assert.Contains("--operator", Assert.Single(r.Warnings));
    }

    [Fact]
    public void A_database_option_in_the_ssh_command_is_dropped_too()
    {
        var r = ForcedCommand.Combine(["--operator", "alice"], "db check --db /tmp/other.db");
        Assert.Equal(["--operator", "alice", "db", "check"], r.Args);
        Assert.Single(r.Warnings);
    }

    [Fact]
    public void No_words_open_the_console_and_a_leading_program_name_is_dropped()
    {
        Assert.Equal(["--operator", "alice"], ForcedCommand.Combine(["--operator", "alice"], "").Args);
        Assert.Equal(["--operator", "alice", "plugin", "list"], ForcedCommand.Combine(["--operator", "alice"], "shuzhi plugin list").Args);
    }
}
