using SolarDashboard.Core.Reports;

namespace SolarDashboard.Tests.Core;

/// <summary>Hour report keys follow the plant's clock, including the two nights a year it changes.</summary>
public sealed class HourLabelsTests
{
    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static List<string> Day(HourLabels labels, DateTimeOffset dayStart, int hours) =>
        Enumerable.Range(0, hours).Select(h => labels.Key(dayStart.AddHours(h))).ToList();

    [Fact]
    public void An_ordinary_day_has_24_hours_labelled_from_its_midnight()
    {
        var labels = new HourLabels([Utc(6, 16, 22), Utc(6, 17, 22)], TimeSpan.FromHours(2));
        var keys = Day(labels, Utc(6, 16, 22), 24);
        Assert.Equal("2026-06-17T00:00", keys[0]);
        Assert.Equal("2026-06-17T23:00", keys[^1]);
        Assert.Equal(24, keys.Distinct().Count());
    }

    [Fact]
    public void Spring_forward_skips_two_oclock()
    {
        // Berlin, 29 March 2026: midnight at +01:00, the next one at +02:00.
        var labels = new HourLabels([Utc(3, 28, 23), Utc(3, 29, 22)], TimeSpan.FromHours(2));
        var keys = Day(labels, Utc(3, 28, 23), 23);
        Assert.Equal(["2026-03-29T00:00", "2026-03-29T01:00", "2026-03-29T03:00", "2026-03-29T04:00"], keys.Take(4));
        Assert.Equal("2026-03-29T23:00", keys[^1]);
        Assert.Equal("2026-03-30T00:00", labels.Key(Utc(3, 29, 22)));
    }

    [Fact]
    public void Fall_back_repeats_two_oclock_with_a_key_of_its_own_that_sorts_in_place()
    {
        // Berlin, 25 October 2026: midnight at +02:00, the next one at +01:00: 25 hours.
        var labels = new HourLabels([Utc(10, 24, 22), Utc(10, 25, 23)], TimeSpan.FromHours(1));
        var keys = Day(labels, Utc(10, 24, 22), 25);
        Assert.Equal(["2026-10-25T00:00", "2026-10-25T01:00", "2026-10-25T02:00", "2026-10-25T02:00+01:00", "2026-10-25T03:00"], keys.Take(5));
        Assert.Equal("2026-10-25T23:00", keys[^1]);
        Assert.Equal(25, keys.Distinct().Count());
        Assert.Equal(keys, keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_a_known_next_midnight_the_day_is_taken_as_24_hours()
    {
        var labels = new HourLabels([Utc(3, 28, 23)], TimeSpan.FromHours(1));
        Assert.Equal("2026-03-29T23:00", labels.Key(Utc(3, 29, 22)));
        Assert.Equal("2026-03-30T00:00", labels.Key(Utc(3, 29, 23)));
    }
}
