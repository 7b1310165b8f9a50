using System.Buffers;
using System.Runtime.CompilerServices;

namespace ShuzhiKaohe.Core.Text.Import;

/// <summary>Checks every imported field shares, before any repair: bytes that must never reach the database.</summary>
public static class FieldChecks
{
    /// <summary>The longest field value accepted (characters); longer ones are refused, not cut.</summary>
    public const int MaxFieldChars = 1024;

    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\uFEFF\uFFFD");

    /// <summary>Why the raw field cannot be taken, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Problem(ReadOnlySpan<char> value, string column)
    {
        if (value.Length > MaxFieldChars) return $"列 {column} 长 {value.Length:N0} 个字符，超过上限 {MaxFieldChars:N0}";
        var at = value.IndexOfAny(Forbidden);
        if (at < 0) return null;
        return value[at] switch
        {
            '\0' => $"列 {column} 含有 NUL 字节（\\0）：文件可能已损坏或不是文本",
            '\uFEFF' => $"列 {column} 中间有字节顺序标记（BOM）：文件可能由几个带 BOM 的文件拼接而成",
            '\uFFFD' => $"列 {column} 含有替换字符（�）：文件在转换编码时已损坏",
            var c => $"列 {column} 含有控制字符 U+{(int)c:X4}",
        };
    }
}
