using SolarDashboard.Components.Shared;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Components.Monitoring;

/// <summary>
/// Today's power curves of a plant as an owner reads them: every line is a flow that is never negative, named for its
/// direction, instead of signed battery and grid lines under an axis that explains the sign. The signed standard
/// measures (battery + charging, grid + importing) split into "Battery charging" / "Battery discharging" and
/// "From grid" / "To grid"; a flow the plant does not report has no line.
/// </summary>
public static class PowerCurves
{
    public const string Pv = "PV", Load = "Consumption", Charging = "Battery charging", Discharging = "Battery discharging", FromGrid = "From grid", ToGrid = "To grid";

    /// <param name="curves">PlantQueries.GetTodayCurvesAsync: "PV", "Battery", "Grid", "Load" in kW with the standard signs.</param>
    public static IReadOnlyList<ChartSeries> Series(IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> curves, string timeZoneId)
    {
        IReadOnlyList<SeriesPoint> Of(string key) => curves.GetValueOrDefault(key) ?? [];
        ChartSeries Line(string name, IReadOnlyList<SeriesPoint> points, Func<double, double> value) =>
            new(name, points.Select(p => new ChartPoint(Format.LocalMs(p.Time, timeZoneId), value(p.Value) + 0.0)).ToList());
        // "+ 0.0" turns -0 into 0, so no tooltip ever reads "-0".
        var all = new[]
        {
            Line(Pv, Of("PV"), v => v),
            Line(Load, Of("Load"), v => v),
            Line(Charging, Of("Battery"), v => Math.Max(0, v)),
            Line(Discharging, Of("Battery"), v => Math.Max(0, -v)),
            Line(FromGrid, Of("Grid"), v => Math.Max(0, v)),
            Line(ToGrid, Of("Grid"), v => Math.Max(0, -v)),
        };
        return all.Where(s => s.Points.Count > 0).ToList();
    }
}
