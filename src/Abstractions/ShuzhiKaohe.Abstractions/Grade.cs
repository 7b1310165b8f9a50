namespace ShuzhiKaohe.Abstractions;

/// <summary>等次 — the four grades of the comprehensive evaluation (第六条: "按'好、较好、一般、差'确定等次").</summary>
public enum Grade
{
    /// <summary>好</summary>
    Good = 1,
    /// <summary>较好</summary>
    FairlyGood = 2,
    /// <summary>一般</summary>
    Average = 3,
    /// <summary>差</summary>
    Poor = 4,
}

/// <summary>Spellings of <see cref="Grade"/>: Chinese for people, snake_case English for JSON and scripts.</summary>
public static class Grades
{
    public static readonly IReadOnlyList<Grade> All = [Grade.Good, Grade.FairlyGood, Grade.Average, Grade.Poor];

    public static string Chinese(this Grade grade) => grade switch
    {
        Grade.Good => "好",
        Grade.FairlyGood => "较好",
        Grade.Average => "一般",
        Grade.Poor => "差",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };

    public static string Json(this Grade grade) => grade switch
    {
        Grade.Good => "good",
        Grade.FairlyGood => "fairly_good",
        Grade.Average => "average",
        Grade.Poor => "poor",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };

    /// <summary>Reads 好|较好|一般|差 or good|fairly_good|average|poor (case-insensitive, trimmed).</summary>
    public static bool TryParse(string? text, out Grade grade)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "好" or "good": grade = Grade.Good; return true;
            case "较好" or "fairly_good" or "fairlygood": grade = Grade.FairlyGood; return true;
            case "一般" or "average": grade = Grade.Average; return true;
            case "差" or "poor": grade = Grade.Poor; return true;
            default: grade = default; return false;
        }
    }

    /// <summary>第六条: "评价为'较好'或以下等次" — the grades that count toward the quota.</summary>
    public static bool IsFairlyGoodOrBelow(this Grade grade) => grade != Grade.Good;
}
