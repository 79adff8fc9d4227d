using SolarDashboard.Core.Measures;

namespace SolarDashboard.Components.Monitoring;

/// <summary>
/// The energy chart's bars: every standard energy of a period, named like today's power lines (<see cref="PowerCurves"/>)
/// so "Battery charging" or "To grid" means the same flow on both charts.
/// </summary>
public static class EnergyBars
{
    public static readonly IReadOnlyList<(StandardMeasure Measure, string Name)> Series =
    [
        (StandardMeasure.PvKwh, "PV yield"),
        (StandardMeasure.LoadKwh, PowerCurves.Load),
        (StandardMeasure.ChargeKwh, PowerCurves.Charging),
        (StandardMeasure.DischargeKwh, PowerCurves.Discharging),
        (StandardMeasure.GridImportKwh, PowerCurves.FromGrid),
        (StandardMeasure.GridExportKwh, PowerCurves.ToGrid),
    ];

    public static string Name(StandardMeasure measure) => Series.Single(s => s.Measure == measure).Name;
}
