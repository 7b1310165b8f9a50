using System.Text;
using System.Text.Unicode;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Text;

/// <summary>How the bytes of an imported file are to be read: detected, or fixed by the operator (--encoding).</summary>
public enum EncodingChoice { Auto, Utf8, Gb18030 }

/// <summary>
/// The encodings government files arrive in: UTF-8 with or without a byte order mark, GB18030 (a superset of GBK
/// and GB2312), and the UTF-16 that Excel's "Unicode text" export writes (always with a byte order mark).
/// </summary>
public static class TextEncodings
{
    /// <summary>GB18030 (code page 54936); its decoder also reads GBK and GB2312.</summary>
    public static Encoding Gb18030 { get; } = CreateGb18030();

    private static Encoding CreateGb18030()
    {
        // The code-page encodings ship with .NET but must be registered before first use.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    /// <summary>UTF-8 that refuses invalid bytes instead of replacing them silently.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static EncodingChoice Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => EncodingChoice.Auto,
        "utf-8" or "utf8" => EncodingChoice.Utf8,
        "gb18030" or "gbk" or "gb2312" => EncodingChoice.Gb18030,
        _ => throw new InvalidInputException($"不支持的编码 {value}：可用 auto、utf-8、gb18030（含 GBK）"),
    };

    /// <summary>The detected encoding of a file's first bytes, and how many bytes of byte order mark to skip.</summary>
    public sealed record Detected(Encoding Encoding, string Name, int BomLength);

    /// <param name="sample">The first bytes of the file (up to 64 KiB).</param>
    /// <param name="complete">Whether the sample is the whole file (so a cut character at its end is an error).</param>
    public static Detected Detect(ReadOnlySpan<byte> sample, bool complete, EncodingChoice choice)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            if (choice == EncodingChoice.Gb18030)
                throw new InvalidInputException("文件以 UTF-8 字节顺序标记开头，却指定了 --encoding gb18030：请改用 utf-8 或 auto");
            return new Detected(StrictUtf8, "utf-8-bom", 3);
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new Detected(new UnicodeEncoding(false, false, true), "utf-16le", 2);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new Detected(new UnicodeEncoding(true, false, true), "utf-16be", 2);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33])) return new Detected(Gb18030, "gb18030", 4);
        return choice switch
        {
            EncodingChoice.Utf8 => new Detected(StrictUtf8, "utf-8", 0),
            EncodingChoice.Gb18030 => new Detected(Gb18030, "gb18030", 0),
            _ => Utf8.IsValid(complete ? sample : WholeCharacters(sample)) ? new Detected(StrictUtf8, "utf-8", 0) : new Detected(Gb18030, "gb18030", 0),
        };
    }

    /// <summary>The sample without a UTF-8 sequence cut off at its end by the sample size.</summary>
    private static ReadOnlySpan<byte> WholeCharacters(ReadOnlySpan<byte> s)
    {
        for (var back = 1; back <= Math.Min(3, s.Length); back++)
        {
            var b = s[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back for the lead byte
            var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? s[..^back] : s;
        }
        return s;
    }
}
