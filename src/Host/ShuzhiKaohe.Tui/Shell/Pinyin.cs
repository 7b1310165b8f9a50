using System.Text;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>
/// Pinyin initials of Chinese text, so the palette finds "首页" by typing "sy". The 3,755 common characters of
/// GB2312 (level 1) are ordered by pinyin, so a character's initial is the last boundary its code reaches. Rarer
/// characters and polyphones can be wrong; a screen can give its initials explicitly.
/// </summary>
public static class Pinyin
{
    // First GB2312 code of each initial (啊 芭 擦 搭 蛾 发 噶 哈 击 喀 垃 妈 拿 哦 啪 期 然 撒 塌 挖 昔 压 匝); level 1 ends at 0xD7F9 (座).
    private static readonly (int Code, char Initial)[] Boundaries =
    [
        (0xB0A1, 'a'), (0xB0C5, 'b'), (0xB2C1, 'c'), (0xB4EE, 'd'), (0xB6EA, 'e'), (0xB7A2, 'f'), (0xB8C1, 'g'),
        (0xB9FE, 'h'), (0xBBF7, 'j'), (0xBFA6, 'k'), (0xC0AC, 'l'), (0xC2E8, 'm'), (0xC4C3, 'n'), (0xC5B6, 'o'),
        (0xC5BE, 'p'), (0xC6DA, 'q'), (0xC8BB, 'r'), (0xC8F6, 's'), (0xCBFA, 't'), (0xCDDA, 'w'), (0xCEF4, 'x'),
        (0xD1B9, 'y'), (0xD4D1, 'z'),
    ];

    private const int LevelOneEnd = 0xD7F9;

    // The provider's encoding is used directly, not registered, so nothing process-wide changes.
    private static readonly Encoding Gb2312 = CodePagesEncodingProvider.Instance.GetEncoding(936)
        ?? throw new InvalidOperationException("code page 936 (GB2312) is not available");

    /// <summary>Lower-case initials of the Chinese characters; ASCII letters and digits are kept, the rest dropped.</summary>
    public static string Initials(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (InitialOf(ch) is { } initial) sb.Append(initial);
        }
        return sb.ToString();
    }

    private static char? InitialOf(char ch)
    {
        if (ch < 0x4E00 || ch > 0x9FFF) return null;
        Span<byte> bytes = stackalloc byte[4];
        if (Gb2312.GetBytes([ch], bytes) != 2) return null;
        var code = (bytes[0] << 8) | bytes[1];
        if (code < Boundaries[0].Code || code > LevelOneEnd) return null;
        var initial = Boundaries[0].Initial;
        foreach (var (start, letter) in Boundaries)
        {
            if (code < start) break;
            initial = letter;
        }
        return initial;
    }
}
