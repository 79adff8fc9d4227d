using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Core.Control;

/// <summary>A window added in the TOU editor starts valid and clear of the others, so adding one never starts with an error.</summary>
public sealed class TouDefaultsTests
{
    private static readonly int[] EveryDay = [1, 2, 3, 4, 5, 6, 7];

    private static IReadOnlyList<TouWindow> With(IReadOnlyList<TouWindow> existing, TouWindow added) => [.. existing, added];

    [Fact]
    public void The_first_window_charges_in_the_first_two_hours_of_every_day()
    {
        var added = TouDefaults.NewWindow([]);

        Assert.Equal(("00:00", "02:00", true), (added!.Start, added.End, added.Charge));
        Assert.Equal(EveryDay, added.Days);
    }

    [Fact]
    public void A_new_window_takes_the_longest_free_time_and_the_other_direction_than_the_window_it_follows()
    {
        TouWindow[] existing = [new("01:00", "05:00", true, EveryDay), new("17:00", "21:00", false, EveryDay)];

        var added = TouDefaults.NewWindow(existing)!;

        Assert.Equal(("05:00", "07:00", false), (added.Start, added.End, added.Charge)); // window 1 charges until 05:00
        Assert.Equal(EveryDay, added.Days);
        Assert.Empty(ControlRules.WindowProblems(With(existing, added)));
    }

    [Fact]
    public void When_weekdays_are_full_the_new_window_goes_on_the_free_days_only()
    {
        TouWindow[] existing = [new("00:00", "23:59", false, [1, 2, 3, 4, 5])];

        var added = TouDefaults.NewWindow(existing)!;

        Assert.Equal([6, 7], added.Days);
        Assert.Equal(("00:00", "02:00", true), (added.Start, added.End, added.Charge));
        Assert.Empty(ControlRules.WindowProblems(With(existing, added)));
    }

    [Fact]
    public void A_short_gap_is_used_as_it_is_and_ends_by_23_59()
    {
        TouWindow[] existing = [new("00:00", "23:30", true, EveryDay)];

        var added = TouDefaults.NewWindow(existing)!;

        Assert.Equal(("23:30", "23:59"), (added.Start, added.End));
        Assert.Empty(ControlRules.WindowProblems(With(existing, added)));
    }

    [Fact]
    public void Nothing_is_proposed_when_no_minute_is_free_or_a_window_is_unreadable()
    {
        Assert.Null(TouDefaults.NewWindow([new("00:00", "23:59", true, EveryDay)]));
        Assert.Null(TouDefaults.NewWindow([new("7:00", "08:00", true, [1])]));
        Assert.Null(TouDefaults.NewWindow([new("09:00", "08:00", true, [1])]));
    }

    [Fact]
    public void Windows_added_one_after_another_stay_valid_up_to_the_vendors_maximum()
    {
        // Odd starting schedules on some days, then an operator pressing "Add window" until the editor's limit.
        var random = new Random(14);
        for (var round = 0; round < 50; round++)
        {
            var start = random.Next(0, 20 * 60);
            var days = Enumerable.Range(1, 7).Where(_ => random.Next(2) == 0).DefaultIfEmpty(3).ToList();
            var windows = new List<TouWindow> { new($"{start / 60:00}:{start % 60:00}", $"{(start + 200) / 60:00}:{(start + 200) % 60:00}", false, days) };
            while (windows.Count < ControlLimits.MaxWindows && TouDefaults.NewWindow(windows) is { } added)
            {
                windows.Add(added);
                Assert.Empty(ControlRules.WindowProblems(windows));
            }
        }
    }
}
