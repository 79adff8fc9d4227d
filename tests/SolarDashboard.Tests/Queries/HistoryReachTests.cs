using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Tests.Queries;

/// <summary>What an empty energy chart says (issue 14: "history loaded back to March 2026", not "No data").</summary>
public sealed class HistoryReachTests
{
    private static readonly DateOnly Today = new(2026, 12, 10);

    [Fact]
    public void A_month_older_than_the_loaded_history_says_how_far_back_history_is_loaded()
    {
        var reach = new HistoryReach(new DateOnly(2026, 3, 1), new DateOnly(2024, 5, 2), Today);
        var text = reach.EmptyText(ReportPeriod.Day, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        Assert.Equal("History loaded back to March 2026 so far; older periods follow as the vendor's quota allows.", text?.Long);
        Assert.Equal("Not loaded yet", text?.Short);
    }

    [Fact]
    public void A_loaded_month_without_data_is_plainly_empty_and_so_is_the_current_month()
    {
        var reach = new HistoryReach(new DateOnly(2026, 3, 1), new DateOnly(2024, 5, 2), Today);
        Assert.Null(reach.EmptyText(ReportPeriod.Day, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)));
        Assert.Null(reach.EmptyText(ReportPeriod.Day, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void A_period_before_the_grid_connection_says_so_whatever_is_loaded()
    {
        var reach = new HistoryReach(null, new DateOnly(2024, 5, 2), Today);
        Assert.Equal("Before this plant's grid connection on 2 May 2024.", reach.EmptyText(ReportPeriod.Month, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31))?.Long);
    }

    [Fact]
    public void Before_any_backfill_last_month_is_not_loaded_yet_and_a_day_loaded_by_day_waits_for_its_hours()
    {
        var none = new HistoryReach(null, new DateOnly(2024, 5, 2), Today);
        Assert.StartsWith("History loaded back to December 2026", none.EmptyText(ReportPeriod.Day, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))?.Long);
        var days = new HistoryReach(new DateOnly(2026, 6, 14), null, Today);
        Assert.StartsWith("History loaded back to 14 June 2026", days.EmptyText(ReportPeriod.Hour, new DateOnly(2026, 6, 13), new DateOnly(2026, 6, 13))?.Long);
        Assert.StartsWith("No hourly figures for this day yet", days.EmptyText(ReportPeriod.Hour, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1))?.Long);
    }
}
