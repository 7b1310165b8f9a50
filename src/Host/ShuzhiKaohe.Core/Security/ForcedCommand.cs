namespace ShuzhiKaohe.Core.Security;

/// <summary>The arguments to run, and what was dropped from the operator's words.</summary>
public sealed record ForcedInvocation(IReadOnlyList<string> Args, IReadOnlyList<string> Warnings);

/// <summary>
/// The SSH forced-command path (issue 9 §1, the gitolite pattern): authorized_keys runs
/// <c>shuzhi --operator NAME</c> for each operator's key, and what the operator typed after
/// <c>ssh account@server</c> arrives in <c>SSH_ORIGINAL_COMMAND</c>. Those words are split like a shell would
/// and appended as verbs and options; an <c>--operator</c> or <c>--db</c> among them is dropped with a warning —
/// the key decides who acts and the server decides on which database. No words: the console opens.
/// </summary>
public static class ForcedCommand
{
    private static readonly string[] Reserved = ["--operator", "--db"];

    /// <param name="forcedArgs">The arguments of the forced command itself (global options only).</param>
    /// <param name="originalCommand">The value of SSH_ORIGINAL_COMMAND.</param>
    public static ForcedInvocation Combine(IReadOnlyList<string> forcedArgs, string originalCommand)
    {
        var words = ShellWords.Split(originalCommand).ToList();
        // `ssh account@server shuzhi plugin list` and `ssh account@server plugin list` mean the same.
        if (words.Count > 0 && (words[0] == "shuzhi" || words[0].EndsWith("/shuzhi", StringComparison.Ordinal))) words.RemoveAt(0);
        var kept = new List<string>();
        var warnings = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var option = Reserved.FirstOrDefault(r => w == r || w.StartsWith(r + "=", StringComparison.Ordinal)
                || w.StartsWith(r + ":", StringComparison.Ordinal));
            if (option is null)
            {
                kept.Add(w);
                continue;
            }
            if (w == option && i + 1 < words.Count) i++; // its value goes too
            warnings.Add(option == "--operator"
                ? "已忽略命令中的 --operator：通过 SSH 访问时，操作员由所用的密钥决定。"
                : "已忽略命令中的 --db：通过 SSH 访问时，数据库由服务器设置决定。");
        }
        return new ForcedInvocation([.. forcedArgs, .. kept], warnings);
    }
}
