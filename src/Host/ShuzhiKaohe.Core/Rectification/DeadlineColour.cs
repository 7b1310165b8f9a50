namespace ShuzhiKaohe.Core.Rectification;

/// <summary>The three-colour warning of a rectification deadline (限期整改, 第七条); none when far off or done.</summary>
public enum DeadlineColour { None, Green, Yellow, Red }

/// <summary>
/// Days-left thresholds: green at <see cref="GreenDays"/> or fewer, yellow at <see cref="YellowDays"/> or fewer,
/// red once overdue. Configurable (setting Rectification:GreenDays / YellowDays); defaults 20 and 10.
/// </summary>
public sealed record DeadlineThresholds(int GreenDays = 20, int YellowDays = 10)
{
    public DeadlineColour ColourFor(DateOnly deadline, DateOnly today, bool done)
    {
        if (done) return DeadlineColour.None;
        var left = deadline.DayNumber - today.DayNumber;
        return left < 0 ? DeadlineColour.Red
            : left <= YellowDays ? DeadlineColour.Yellow
            : left <= GreenDays ? DeadlineColour.Green
            : DeadlineColour.None;
    }
}
