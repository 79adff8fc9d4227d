using System.Globalization;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>
/// A plant-local period that has just ended, as one report class sees it. The regular report jobs ask for the period
/// holding "now" (reference 5.1.4: collectTime's day, month or year), and those answers keep earlier rows fresh except
/// across a boundary: hour reports never again show yesterday (so its last hours stay unfinished), day and month reports
/// lose last month's last day and total on the 1st, month and year reports last year's on New Year's Day. The period
/// that ended is asked for once more, with a collectTime inside it. <see cref="Key"/> sorts like time ("2026-11-30",
/// "2026-11", "2026").
/// </summary>
public sealed record FinishedPeriod(string Key, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    /// <summary>The period of <paramref name="rows"/> reports that ended last before <paramref name="now"/> in the plant's time.</summary>
    public static FinishedPeriod Previous(ReportPeriod rows, string timeZoneId, DateTimeOffset now)
    {
        var today = PlantTime.LocalDate(timeZoneId, now);
        var month = new DateOnly(today.Year, today.Month, 1);
        var (start, end, format) = rows switch
        {
            ReportPeriod.Hour => (today.AddDays(-1), today, "yyyy-MM-dd"),
            ReportPeriod.Day or ReportPeriod.Month => (month.AddMonths(-1), month, "yyyy-MM"),
            _ => (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year, 1, 1), "yyyy"),
        };
        return new FinishedPeriod(start.ToString(format, CultureInfo.InvariantCulture), Midnight(timeZoneId, start), Midnight(timeZoneId, end));
    }

    /// <summary>
    /// The plant-local period one call of <paramref name="rows"/> reports answers for that holds <paramref name="date"/>:
    /// its day for hour reports, its month for day reports, its year for month and year reports.
    /// </summary>
    public static FinishedPeriod Containing(ReportPeriod rows, string timeZoneId, DateOnly date)
    {
        var month = new DateOnly(date.Year, date.Month, 1);
        var (start, end, format) = rows switch
        {
            ReportPeriod.Hour => (date, date.AddDays(1), "yyyy-MM-dd"),
            ReportPeriod.Day => (month, month.AddMonths(1), "yyyy-MM"),
            _ => (new DateOnly(date.Year, 1, 1), new DateOnly(date.Year + 1, 1, 1), "yyyy"),
        };
        return new FinishedPeriod(start.ToString(format, CultureInfo.InvariantCulture), Midnight(timeZoneId, start), Midnight(timeZoneId, end));
    }

    /// <summary>
    /// Whether each plant's period is closed as soon as it ends. Days end every day in every time zone: hour reports wait
    /// until the connection's last plant has passed midnight and close them all in one call (an hour report API has no
    /// budget for one call per time zone a day). Months and years are rare: each plant is served at once.
    /// </summary>
    public static bool ClosesEachPlantAtOnce(ReportPeriod rows) => rows != ReportPeriod.Hour;

    /// <summary>
    /// Splits plants that wait for the same period into call groups: one collectTime must fall inside every member's
    /// own local period, so members of a group share an instant (plants a day's width of time zones apart do not); the members' periods may carry different dates.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset CollectTime, IReadOnlyList<T> Members)> CallGroups<T>(IEnumerable<(T Item, FinishedPeriod Period)> waiting)
    {
        var groups = new List<(DateTimeOffset, IReadOnlyList<T>)>();
        var current = new List<T>();
        DateTimeOffset latestStart = default, earliestEnd = default;
        foreach (var (item, period) in waiting.OrderBy(w => w.Period.StartUtc))
        {
            if (current.Count > 0 && Max(latestStart, period.StartUtc) >= Min(earliestEnd, period.EndUtc))
            {
                groups.Add((Middle(latestStart, earliestEnd), current));
                current = [];
            }
            latestStart = current.Count == 0 ? period.StartUtc : Max(latestStart, period.StartUtc);
            earliestEnd = current.Count == 0 ? period.EndUtc : Min(earliestEnd, period.EndUtc);
            current.Add(item);
        }
        if (current.Count > 0) groups.Add((Middle(latestStart, earliestEnd), current));
        return groups;
    }

    private static DateTimeOffset Midnight(string timeZoneId, DateOnly date) => PlantTime.ToUtc(timeZoneId, date.ToDateTime(TimeOnly.MinValue));

    /// <summary>Well inside every member's period: never on a boundary a vendor might round the other way.</summary>
    private static DateTimeOffset Middle(DateTimeOffset from, DateTimeOffset to) => from + (to - from) / 2;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
