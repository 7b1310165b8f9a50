using System.Globalization;

namespace ShuzhiKaohe.Core.Text.Import;

/// <summary>Dates as they appear in government files: 2023-07-01, 2023/7/1, 2023.7.1, 2023年7月1日, 20230701, or an Excel date serial.</summary>
public static class DateParsing
{
    private static readonly string[] Formats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>A date typed by an operator (CLI option or console form): exactly YYYY-MM-DD, else a refusal naming <paramref name="what"/>.</summary>
    public static DateOnly Iso(string text, string what = "日期") =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new Common.InvalidInputException($"{what}“{text.Trim()}”应写作 YYYY-MM-DD");

    public static DateOnly? Parse(string text)
    {
        var t = TextRepair.Field(text);
        if (DateOnly.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTime.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return DateOnly.FromDateTime(dt);
        // An XLSX date cell is a serial number of days (20000 ≈ 1954, 80000 ≈ 2119).
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }
}
