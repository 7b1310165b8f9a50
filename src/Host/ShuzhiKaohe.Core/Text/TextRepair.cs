using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ShuzhiKaohe.Core.Text;

/// <summary>
/// Repairs the damage government files arrive with (see regulation/measures-2019.txt): a run of ASCII commas
/// after Chinese text for "，" (the file has six), a run of "。" for one "。" (the file has five), ASCII
/// <c>( ) : ;</c> between Chinese characters for their full-width forms, full-width digits and letters for
/// ASCII ones, and stray whitespace (trimmed, runs collapsed; in a one-line field also removed between Chinese characters).
/// Each method says whether it changed the value, so an import can report how many fields it repaired.
/// </summary>
public static class TextRepair
{
    // Everything that may need work; text without any of these (most names) is returned as is, untouched.
    private static readonly SearchValues<char> Suspects = SearchValues.Create(
        " \t\r\n\v\f,():;\u00A0\u0085\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u2028\u2029\u202F\u205F\u3000\u3002");

    /// <summary>A one-line field value (a name, a code). Line breaks count as whitespace.</summary>
    /// <returns>Whether <paramref name="repaired"/> differs from <paramref name="value"/>.</returns>
    public static bool RepairField(string value, out string repaired)
    {
        if (!NeedsWork(value))
        {
            repaired = value;
            return false;
        }
        repaired = RepairLine(value, field: true);
        return Changed(value, ref repaired);
    }

    /// <summary>The repaired field value (the value itself when nothing needed repair).</summary>
    public static string Field(string value) => RepairField(value, out var r) ? r : value;

    /// <summary>
    /// Free text (a report, a comment): each line repaired as a field; line breaks normalised to "\n", runs of
    /// blank lines kept as one paragraph break, blank lines at the start and end removed.
    /// </summary>
    public static bool RepairText(string value, out string repaired)
    {
        if (!NeedsWork(value))
        {
            repaired = value;
            return false;
        }
        var sb = new StringBuilder(value.Length);
        var blank = 0;
        foreach (var raw in value.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = RepairLine(raw, field: false);
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (sb.Length > 0) sb.Append(blank > 0 ? "\n\n" : "\n");
            sb.Append(line);
            blank = 0;
        }
        repaired = sb.ToString();
        return Changed(value, ref repaired);
    }

    /// <summary>Unchanged text is handed back as the same instance, so callers can keep it without a copy.</summary>
    private static bool Changed(string value, ref string repaired)
    {
        if (!string.Equals(repaired, value, StringComparison.Ordinal)) return true;
        repaired = value;
        return false;
    }

    /// <summary>The repaired free text (the value itself when nothing needed repair).</summary>
    public static string Text(string value) => RepairText(value, out var r) ? r : value;

    /// <summary>Whether the text has anything a repair might change (cheap: most names have nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool NeedsRepair(ReadOnlySpan<char> s) => NeedsWork(s);

    private static bool NeedsWork(ReadOnlySpan<char> s) =>
        s.IndexOfAny(Suspects) >= 0 || s.IndexOfAnyInRange('\uFF10', '\uFF5A') >= 0;

    private static string RepairLine(string value, bool field)
    {
        var rented = ArrayPool<char>.Shared.Rent(value.Length);
        try
        {
            var src = rented.AsSpan(0, value.Length);
            for (var i = 0; i < value.Length; i++) src[i] = Normalise(value[i]);
            var output = new StringBuilder(value.Length);
            var pairs = MatchParentheses(src);
            var i2 = 0;
            while (i2 < src.Length)
            {
                var c = src[i2];
                var prev = output.Length > 0 ? output[^1] : '\0';
                switch (c)
                {
                    case ' ':
                    {
                        var end = i2;
                        while (end < src.Length && src[end] == ' ') end++;
                        // Stray whitespace: none at either end, one inside; in a field none between Chinese characters
                        // (武汉市　江岸区), while free text keeps one (第一条 为坚持…).
                        if (output.Length > 0 && end < src.Length && !(field && IsChinese(prev) && IsChinese(src[end])))
                            output.Append(' ');
                        i2 = end;
                        continue;
                    }
                    case ',':
                    {
                        var end = i2;
                        while (end < src.Length && src[end] == ',') end++;
                        var next = end < src.Length ? src[end] : '\0';
                        // The regulation file's "，" is six ASCII commas; a single comma counts only between Chinese text.
                        if (IsChinese(prev) && (end - i2 >= 2 || IsChinese(next))) output.Append('，');
                        else output.Append(src[i2..end]);
                        i2 = end;
                        continue;
                    }
                    case '。':
                    {
                        // The regulation file's "。" is five of them.
                        output.Append('。');
                        while (i2 < src.Length && src[i2] == '。') i2++;
                        continue;
                    }
                    case ':' or ';':
                    {
                        var next = i2 + 1 < src.Length ? src[i2 + 1] : '\0';
                        output.Append(IsChinese(prev) && IsChinese(next) ? (c == ':' ? '：' : '；') : c);
                        break;
                    }
                    case '(' or ')':
                        output.Append(pairs[i2] ? (c == '(' ? '（' : '）') : c);
                        break;
                    default:
                        output.Append(c);
                        break;
                }
                i2++;
            }
            return output.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Which ASCII parentheses become full-width: a matched pair when Chinese text touches either bracket on
    /// either side (党委(党组)书记, 办法(2019)发布), an unmatched one when Chinese text touches it.
    /// </summary>
    private static bool[] MatchParentheses(ReadOnlySpan<char> s)
    {
        var convert = new bool[s.Length];
        if (s.IndexOfAny('(', ')') < 0) return convert;
        var open = new Stack<int>();
        var partner = new int[s.Length];
        Array.Fill(partner, -1);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') open.Push(i);
            else if (s[i] == ')' && open.Count > 0)
            {
                var o = open.Pop();
                partner[o] = i;
                partner[i] = o;
            }
        }
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is not ('(' or ')')) continue;
            var touched = Touches(s, i) || (partner[i] >= 0 && Touches(s, partner[i]));
            convert[i] = touched;
        }
        return convert;
    }

    private static bool Touches(ReadOnlySpan<char> s, int i) =>
        (i > 0 && IsChinese(s[i - 1])) || (i + 1 < s.Length && IsChinese(s[i + 1]));

    /// <summary>Full-width digits and letters to ASCII; every kind of whitespace to a plain space.</summary>
    private static char Normalise(char c)
    {
        if (c is >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ') return (char)(c - 0xFEE0);
        if (c == '\u200B' || char.IsWhiteSpace(c)) return ' ';
        return c;
    }

    /// <summary>Chinese text for the purpose of punctuation: ideographs, CJK and full-width punctuation, Chinese quotes.</summary>
    public static bool IsChinese(char c) => c switch
    {
        >= '\u2E80' and <= '\u2FDF' => true,   // radicals
        >= '\u3001' and <= '\u303F' => true,   // CJK symbols and punctuation (not the ideographic space)
        >= '\u3400' and <= '\u4DBF' => true,   // extension A
        >= '\u4E00' and <= '\u9FFF' => true,   // unified ideographs
        >= '\uD800' and <= '\uDFFF' => true,   // surrogates: extensions B and later
        >= '\uF900' and <= '\uFAFF' => true,   // compatibility ideographs
        >= '\uFE30' and <= '\uFE4F' => true,   // compatibility forms
        >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20' or >= '\uFF3B' and <= '\uFF40' or >= '\uFF5B' and <= '\uFF65' => true,
        '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' or '\u2014' or '\u00B7' => true,
        _ => false,
    };
}
