using System.Text;
using System.Text.RegularExpressions;

namespace ShuzhiKaohe.Core.Common;

/// <summary>
/// Text as government files arrive (SPEC "Text import"): UTF-8 with or without a BOM, UTF-16 with a BOM, or
/// GB18030; mixed line ends; punctuation damaged into runs (the regulation file's "，" arrived as ",,,,,," and
/// "。" as "。。。。。"). Decoding never guesses silently: anything that is not valid UTF-8 is read as GB18030.
/// </summary>
public static partial class ImportedText
{
    static ImportedText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) return Strict(Encoding.UTF8, bytes[3..]);
        if (bytes.StartsWith([(byte)0xFF, (byte)0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith([(byte)0xFE, (byte)0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        try
        {
            return Strict(Encoding.UTF8, bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>Line ends to \n, NULs dropped.</summary>
    public static string NormaliseLines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\0", "");

    /// <summary>Prose repair: line ends, NULs, and runs of damaged punctuation back to one full-width mark.</summary>
    public static string RepairProse(string text)
    {
        var t = NormaliseLines(text);
        t = CommaRun().Replace(t, "，");
        t = StopRun().Replace(t, "。");
        t = TrailingSpace().Replace(t, "\n");
        return t.Trim();
    }

    private static string Strict(Encoding e, ReadOnlySpan<byte> bytes) =>
        Encoding.GetEncoding(e.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);

    [GeneratedRegex("(?:[,，]\\s*){2,}")]
    private static partial Regex CommaRun();

    [GeneratedRegex("。{2,}")]
    private static partial Regex StopRun();

    [GeneratedRegex("[ \\t\\u3000]+\\n")]
    private static partial Regex TrailingSpace();
}
