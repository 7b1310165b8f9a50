using System.Text;
using ShuzhiKaohe.Core.Text;

namespace ShuzhiKaohe.Core.Common;

/// <summary>
/// Whole small files and typed prose as the campaign features take them in (reports, ballot files, comments): a thin
/// adapter over the shared import code in Text/ — <see cref="TextEncodings"/> detects UTF-8 (BOM or not), UTF-16 with
/// a BOM, or GB18030; <see cref="TextRepair"/> mends damaged punctuation runs (",,,,,," → "，", "。。。。。" → "。").
/// </summary>
public static class ImportedText
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var detected = TextEncodings.Detect(bytes, complete: true, EncodingChoice.Auto);
        try
        {
            return detected.Encoding.GetString(bytes[detected.BomLength..]);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidInputException($"文件不是有效的 {detected.Name} 文本：{e.Message}", e);
        }
    }

    /// <summary>Line ends to \n, NULs dropped (for line-oriented files such as ballot CSVs, which must not be prose-repaired).</summary>
    public static string NormaliseLines(string text) => text.ReplaceLineEndings("\n").Replace("\0", "");

    /// <summary>Prose repair: line ends, NULs, stray whitespace and damaged punctuation.</summary>
    public static string RepairProse(string text) => TextRepair.Text(text.Replace("\0", "")).Trim();
}
