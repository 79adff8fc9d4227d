using SolarDashboard.Components.Monitoring;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Tests.Web;

public sealed class PowerCurvesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 17, 8, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SeriesPoint> Points(params double[] values) => values.Select((v, i) => new SeriesPoint(T0.AddMinutes(5 * i), v)).ToList();

    [Fact]
    public void Signed_battery_and_grid_power_become_flows_named_for_their_direction_and_never_negative()
    {
        var series = PowerCurves.Series(new Dictionary<string, IReadOnlyList<SeriesPoint>>
        {
            ["PV"] = Points(3, 4), ["Load"] = Points(1, 1.5), ["Battery"] = Points(1.5, -0.5), ["Grid"] = Points(-0.5, 2),
        }, "Europe/Berlin").ToDictionary(s => s.Name, s => s.Points.Select(p => p.Y).ToList());

        Assert.Equal(["PV", "Consumption", "Battery charging", "Battery discharging", "From grid", "To grid"], series.Keys);
        Assert.Equal([1.5, 0.0], series["Battery charging"]);
        Assert.Equal([0.0, 0.5], series["Battery discharging"]);
        Assert.Equal([0.0, 2.0], series["From grid"]);
        Assert.Equal([0.5, 0.0], series["To grid"]);
        Assert.DoesNotContain(series.Values.SelectMany(v => v), y => y < 0 || double.IsNegative(y!.Value));
    }

    [Fact]
    public void A_flow_the_plant_does_not_report_has_no_line()
    {
        var series = PowerCurves.Series(new Dictionary<string, IReadOnlyList<SeriesPoint>> { ["PV"] = Points(3), ["Battery"] = [], ["Load"] = Points(1) }, "Europe/Berlin");

        Assert.Equal(["PV", "Consumption"], series.Select(s => s.Name));
    }

    [Fact]
    public void Times_are_plant_local()
    {
        var series = PowerCurves.Series(new Dictionary<string, IReadOnlyList<SeriesPoint>> { ["PV"] = Points(3) }, "Europe/Berlin");

        Assert.Equal(T0.AddHours(2).ToUnixTimeMilliseconds(), series[0].Points[0].X); // CEST
    }

    [Fact]
    public void The_energy_bars_use_the_same_names_for_the_same_flows()
    {
        Assert.Equal(["PV yield", "Consumption", "Battery charging", "Battery discharging", "From grid", "To grid"], EnergyBars.Series.Select(s => s.Name));
        Assert.Equal(SolarDashboard.Core.Measures.StandardMeasure.PeriodEnergy.OrderBy(m => m.Key), EnergyBars.Series.Select(s => s.Measure).OrderBy(m => m.Key));
    }
}
