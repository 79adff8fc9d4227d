using System.Globalization;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Core.Queries;

/// <summary>
/// Hourly energies estimated from a day's 5-minute power curves, for the flows a plant's hour reports do not carry
/// (FusionSolar's hourly KPIs have no consumption or grid import; ATESS reports no hours at all). Each flow is the
/// trapezoid integral of its never-negative power (battery + charging → charging, − → discharging; grid + → from grid,
/// − → to grid) over consecutive samples at most <see cref="MaxGap"/> apart, in the plant-local hour where the step starts.
/// </summary>
public static class HourlyEnergyEstimate
{
    /// <summary>A longer gap is missing data, not a straight line.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(15);

    private static readonly (string Curve, StandardMeasure Measure, Func<double, double> Part)[] Flows =
    [
        ("PV", StandardMeasure.PvKwh, v => Math.Max(0, v)),
        ("Load", StandardMeasure.LoadKwh, v => Math.Max(0, v)),
        ("Battery", StandardMeasure.ChargeKwh, v => Math.Max(0, v)),
        ("Battery", StandardMeasure.DischargeKwh, v => Math.Max(0, -v)),
        ("Grid", StandardMeasure.GridImportKwh, v => Math.Max(0, v)),
        ("Grid", StandardMeasure.GridExportKwh, v => Math.Max(0, -v)),
    ];

    /// <param name="curves">PlantQueries.GetPowerCurvesAsync: "PV", "Battery", "Grid", "Load" in kW with the standard signs.</param>
    public static IReadOnlyList<EnergyPoint> FromCurves(IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> curves, string timeZoneId)
    {
        var hours = new SortedDictionary<string, (DateTimeOffset Start, StandardValues Energy)>(StringComparer.Ordinal);
        foreach (var (curve, measure, part) in Flows)
        {
            if (curves.GetValueOrDefault(curve) is not { Count: > 1 } points) continue;
            for (var i = 1; i < points.Count; i++)
            {
                var (a, b) = (points[i - 1], points[i]);
                var step = b.Time - a.Time;
                if (step <= TimeSpan.Zero || step > MaxGap) continue;
                var local = PlantTime.ToLocal(timeZoneId, a.Time);
                var key = local.ToString("yyyy-MM-dd'T'HH':00'", CultureInfo.InvariantCulture);
                if (!hours.TryGetValue(key, out var hour))
                    hours[key] = hour = (a.Time - (local.TimeOfDay - TimeSpan.FromHours(local.Hour)), new StandardValues());
                var kwh = (part(a.Value) + part(b.Value)) / 2 * step.TotalHours;
                hour.Energy.Set(measure, (hour.Energy[measure] ?? 0) + kwh);
            }
        }
        return hours.Select(h => new EnergyPoint(h.Key, h.Value.Start, Rounded(h.Value.Energy))).ToList();
    }

    /// <summary>
    /// A day's hour reports with every flow that no report of the day carries taken from the estimate; returns the
    /// measures that were estimated (empty when the reports carry every flow the curves show).
    /// </summary>
    public static (IReadOnlyList<EnergyPoint> Points, IReadOnlyList<StandardMeasure> Estimated) Fill(IReadOnlyList<EnergyPoint> reported, IReadOnlyList<EnergyPoint> estimate)
    {
        var missing = StandardMeasure.PeriodEnergy.Where(m => !reported.Any(r => r.Energy.Has(m)) && estimate.Any(e => e.Energy.Has(m))).ToList();
        if (missing.Count == 0) return (reported, []);
        var byHour = reported.ToDictionary(r => r.LocalStart, StringComparer.Ordinal);
        var points = new SortedDictionary<string, EnergyPoint>(StringComparer.Ordinal);
        foreach (var key in byHour.Keys.Union(estimate.Select(e => e.LocalStart)))
        {
            var own = byHour.GetValueOrDefault(key);
            var guess = estimate.FirstOrDefault(e => e.LocalStart == key);
            var values = new StandardValues();
            foreach (var m in StandardMeasure.PeriodEnergy)
                values.Set(m, missing.Contains(m) ? guess?.Energy[m] : own?.Energy[m]);
            points[key] = new EnergyPoint(key, own?.StartsAt ?? guess!.StartsAt, values);
        }
        return (points.Values.Where(p => !p.Energy.IsEmpty).ToList(), missing);
    }

    private static StandardValues Rounded(StandardValues energy)
    {
        var rounded = new StandardValues();
        foreach (var m in StandardMeasure.PeriodEnergy) rounded.Set(m, energy[m] is { } v ? Math.Round(v, 3) : null);
        return rounded;
    }
}
