using System.Text;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// Splits a command line into words the way a POSIX shell quotes them — and does nothing else: no variables,
/// no globbing, no <c>;</c> <c>|</c> <c>&amp;</c>, no command substitution. The words are only ever parsed as
/// shuzhi's verbs and options, never handed to a shell.
/// </summary>
public static class ShellWords
{
    /// <summary>Throws <see cref="InvalidInputException"/> for an unterminated quote or a trailing backslash.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            switch (ch)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
                    break;
                case '\'':
                    inWord = true;
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0) throw new InvalidInputException("命令中的单引号没有闭合");
                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    inWord = true;
                    for (i++; ; i++)
                    {
                        if (i >= line.Length) throw new InvalidInputException("命令中的双引号没有闭合");
                        if (line[i] == '"') break;
                        // Inside double quotes a backslash escapes only these (POSIX).
                        if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') i++;
                        word.Append(line[i]);
                    }
                    break;
                case '\\':
                    if (i + 1 >= line.Length) throw new InvalidInputException("命令以反斜杠结尾");
                    i++;
                    if (line[i] != '\n') { word.Append(line[i]); inWord = true; }
                    break;
                default:
                    word.Append(ch);
                    inWord = true;
                    break;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
