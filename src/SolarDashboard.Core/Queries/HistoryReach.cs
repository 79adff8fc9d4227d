using System.Globalization;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Core.Queries;

/// <summary>
/// How far back a plant's reports are in the cache (<see cref="LoadedFrom"/>, set by the history backfill) and where its
/// history begins (its grid connection), in plant-local dates: what an empty chart of a past period should say instead
/// of "No data".
/// </summary>
public sealed record HistoryReach(DateOnly? LoadedFrom, DateOnly? GridConnectedOn, DateOnly Today)
{
    /// <summary>
    /// The text for a chart of <paramref name="bars"/> reports (hours of a day, days of a month, months of a year, years)
    /// over the plant-local dates <paramref name="first"/> to <paramref name="last"/> that has no data; null when plain
    /// "No data for this period" is the truth. Short fits inside the chart, Long explains above it.
    /// </summary>
    public (string Short, string Long)? EmptyText(ReportPeriod bars, DateOnly first, DateOnly last)
    {
        if (GridConnectedOn is { } connected && last < connected)
            return ("Before grid connection", $"Before this plant's grid connection on {connected.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        if (last >= Today) return null; // the current period is fetched as it runs
        var loaded = LoadedFrom ?? new DateOnly(Today.Year, Today.Month, 1);
        if (first < loaded)
            return ("Not loaded yet", $"History loaded back to {Describe(loaded)} so far; older periods follow as the vendor's quota allows.");
        return bars == ReportPeriod.Hour
            ? ("Not loaded yet", "No hourly figures for this day yet: hours follow the daily figures, for the last year, as the quota allows.")
            : null;
    }

    private static string Describe(DateOnly date) =>
        date.ToString(date.Day == 1 ? "MMMM yyyy" : "d MMMM yyyy", CultureInfo.InvariantCulture);
}
