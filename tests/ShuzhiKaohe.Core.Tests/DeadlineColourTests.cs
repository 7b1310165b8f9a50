using ShuzhiKaohe.Core.Rectification;

namespace ShuzhiKaohe.Core.Tests;

public sealed class DeadlineColourTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(21, DeadlineColour.None)]
    [InlineData(20, DeadlineColour.Green)]
    [InlineData(11, DeadlineColour.Green)]
    [InlineData(10, DeadlineColour.Yellow)]
    [InlineData(0, DeadlineColour.Yellow)]
    [InlineData(-1, DeadlineColour.Red)]
    public void Colour_follows_days_left(int daysLeft, DeadlineColour expected) =>
        Assert.Equal(expected, new DeadlineThresholds().ColourFor(Today.AddDays(daysLeft), Today, done: false));

    [Fact]
    public void A_done_item_is_never_coloured_even_when_past_its_deadline() =>
        Assert.Equal(DeadlineColour.None, new DeadlineThresholds().ColourFor(Today.AddDays(-30), Today, done: true));

    [Fact]
    public void Thresholds_are_configurable() =>
        Assert.Equal(DeadlineColour.Yellow, new DeadlineThresholds(GreenDays: 40, YellowDays: 30).ColourFor(Today.AddDays(25), Today, false));
}
