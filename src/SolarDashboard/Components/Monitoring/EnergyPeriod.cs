using System.Globalization;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Components.Monitoring;

/// <summary>
/// Which energy report the plant page's chart shows: a plant-local day (by hour), month (by day), year (by month) or the
/// lifetime (by year), and the step back or forward. Never beyond today.
/// </summary>
public sealed record EnergyPeriod(ReportPeriod Period, DateOnly Anchor, DateOnly Today)
{
    public static EnergyPeriod Day(DateOnly today) => new(ReportPeriod.Hour, today, today);

    public string Label => Period switch
    {
        ReportPeriod.Hour => Anchor.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
        ReportPeriod.Day => Anchor.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        ReportPeriod.Month => Anchor.Year.ToString(CultureInfo.InvariantCulture),
        _ => "all years",
    };

    public bool CanMove => Period != ReportPeriod.Year;

    public bool CanMoveNext => CanMove && !SamePeriod(Anchor, Today);

    public EnergyPeriod WithPeriod(ReportPeriod period) => this with { Period = period };

    /// <summary>Today moves on (midnight in plant time) without losing the period being looked at.</summary>
    public EnergyPeriod WithToday(DateOnly today) => this with { Today = today, Anchor = Anchor > today ? today : Anchor };

    public EnergyPeriod Step(int step)
    {
        var anchor = Period switch
        {
            ReportPeriod.Hour => Anchor.AddDays(step),
            ReportPeriod.Day => Anchor.AddMonths(step),
            ReportPeriod.Month => Anchor.AddYears(step),
            _ => Anchor,
        };
        return this with { Anchor = anchor > Today ? Today : anchor };
    }

    /// <summary>The plant-local dates the period covers (the lifetime: from the earliest date on).</summary>
    public (DateOnly First, DateOnly Last) Span() => Period switch
    {
        ReportPeriod.Hour => (Anchor, Anchor),
        ReportPeriod.Day => (new DateOnly(Anchor.Year, Anchor.Month, 1), new DateOnly(Anchor.Year, Anchor.Month, 1).AddMonths(1).AddDays(-1)),
        ReportPeriod.Month => (new DateOnly(Anchor.Year, 1, 1), new DateOnly(Anchor.Year, 12, 31)),
        _ => (DateOnly.MinValue, Today),
    };

    /// <summary>The report keys (LocalStart) of the first and last bar, inclusive, and the bar label of a key.</summary>
    public (string From, string To, Func<string, string> BarLabel) Keys()
    {
        var day = Anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var month = Anchor.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var year = Anchor.ToString("yyyy", CultureInfo.InvariantCulture);
        return Period switch
        {
            // DateOnly refuses time parts in its formats: the hour keys are built by hand.
            ReportPeriod.Hour => (day + "T00:00", day + "T23:00", k => k[11..16]),
            ReportPeriod.Day => (month + "-01", month + "-31", k => k[8..10]),
            ReportPeriod.Month => (year + "-01", year + "-12", k => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(int.Parse(k[5..7], CultureInfo.InvariantCulture))),
            _ => ("0000", "9999", k => k),
        };
    }

    private bool SamePeriod(DateOnly a, DateOnly b) => Period switch
    {
        ReportPeriod.Hour => a == b,
        ReportPeriod.Day => a.Year == b.Year && a.Month == b.Month,
        _ => a.Year == b.Year,
    };
}
