using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Web.Control;

public sealed class TouWeekLayoutTests
{
    [Fact]
    public void Windows_that_overlap_on_a_shared_day_are_both_marked_there_and_nowhere_else()
    {
        TouWindow[] windows = [new("01:00", "05:00", true, [1, 2]), new("04:00", "06:00", false, [2, 3]), new("05:00", "07:00", true, [2])];

        var monday = TouWeekLayout.Day(windows, 1);
        var tuesday = TouWeekLayout.Day(windows, 2);
        var wednesday = TouWeekLayout.Day(windows, 3);

        Assert.Equal([new TouSegment(1, 60, 300, true, false)], monday);
        Assert.Equal([(1, true), (2, true), (3, true)], tuesday.Select(s => (s.Window, s.Overlaps)));
        Assert.Equal([new TouSegment(2, 240, 360, false, false)], wednesday);
    }

    [Fact]
    public void Windows_that_only_touch_do_not_overlap()
    {
        TouWindow[] windows = [new("01:00", "05:00", true, [1]), new("05:00", "09:00", false, [1])];

        Assert.All(TouWeekLayout.Day(windows, 1), s => Assert.False(s.Overlaps));
    }

    [Fact]
    public void Unreadable_or_reversed_windows_have_no_bar()
    {
        TouWindow[] windows = [new("25:00", "05:00", true, [1]), new("09:00", "08:00", true, [1]), new("7:00", "08:00", true, [1])];

        Assert.Empty(TouWeekLayout.Day(windows, 1));
    }
}
