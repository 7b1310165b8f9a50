namespace ShuzhiKaohe.Core.Common;

/// <summary>
/// The few shapes a name or version checked at every start must have, written out instead of as regular
/// expressions: the regular-expression engine's first use cost every headless verb ~8 ms (issue 11, measured with
/// SHUZHI_TRACE_STARTUP). ASCII only — a full-width digit is not a digit here. The tests compare each with the
/// expression it replaces.
/// </summary>
public static class TextShapes
{
    /// <summary><c>^[A-Za-z_][A-Za-z0-9_.-]{0,63}$</c> — an operator name.</summary>
    public static bool IsOperatorName(string? s) =>
        s is { Length: >= 1 and <= 64 } && (char.IsAsciiLetter(s[0]) || s[0] == '_') && AllFrom(s.AsSpan(1), upper: true);

    /// <summary><c>^[a-z][a-z0-9._-]{1,63}$</c> — a plugin id.</summary>
    public static bool IsPluginId(string? s) =>
        s is { Length: >= 2 and <= 64 } && char.IsAsciiLetterLower(s[0]) && AllFrom(s.AsSpan(1), upper: false);

    /// <summary><c>^\d{1,3}\.\d{1,3}$</c> — a contract version.</summary>
    public static bool IsContractVersion(string? s)
    {
        if (s is null) return false;
        var rest = s.AsSpan();
        return Number(ref rest, 3) && Dot(ref rest) && Number(ref rest, 3) && rest.IsEmpty;
    }

    /// <summary><c>^\d{1,5}\.\d{1,5}\.\d{1,5}([-+][0-9A-Za-z.-]{1,40})?$</c> — a plugin version.</summary>
    public static bool IsPluginVersion(string? s)
    {
        if (s is null) return false;
        var rest = s.AsSpan();
        if (!(Number(ref rest, 5) && Dot(ref rest) && Number(ref rest, 5) && Dot(ref rest) && Number(ref rest, 5))) return false;
        if (rest.IsEmpty) return true;
        if (rest[0] is not ('-' or '+') || rest.Length is < 2 or > 41) return false;
        foreach (var c in rest[1..])
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')) return false;
        return true;
    }

    private static bool AllFrom(ReadOnlySpan<char> s, bool upper)
    {
        foreach (var c in s)
            if (!((upper ? char.IsAsciiLetter(c) : char.IsAsciiLetterLower(c)) || char.IsAsciiDigit(c) || c is '.' or '_' or '-')) return false;
        return true;
    }

    private static bool Number(ref ReadOnlySpan<char> s, int maxDigits)
    {
        var n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        if (n is 0 || n > maxDigits) return false;
        s = s[n..];
        return true;
    }

    private static bool Dot(ref ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s[0] != '.') return false;
        s = s[1..];
        return true;
    }
}
