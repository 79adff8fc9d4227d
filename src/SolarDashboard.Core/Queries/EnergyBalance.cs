using SolarDashboard.Core.Measures;

namespace SolarDashboard.Core.Queries;

/// <summary>
/// A plant's energy over a period (the bars of one energy chart added up) and the two ratios owners ask for:
/// <list type="bullet">
/// <item>self-consumption = (PV yield − to grid) ÷ PV yield: the share of the PV yield used on site, straight away or
/// through the battery;</item>
/// <item>self-sufficiency = (consumption − from grid) ÷ consumption: the share of the consumption that did not come
/// from the grid.</item>
/// </list>
/// Grid import and export are the metered flows, never netted against each other, so a net-metering tariff does not
/// change the ratios. Consumption a vendor does not report is the balance PV + from grid + discharged − to grid −
/// charged. A ratio is null when a term is missing or the base is zero; rounding noise is clamped to 0–100 %.
/// </summary>
public sealed record EnergyBalance(double? PvKwh, double? ToGridKwh, double? FromGridKwh, double? LoadKwh)
{
    public static EnergyBalance Of(IReadOnlyCollection<EnergyPoint> points)
    {
        var reported = points.Where(p => !p.Energy.IsEmpty).ToList();
        double? Sum(StandardMeasure m) => reported.Any(p => p.Energy.Has(m)) ? reported.Sum(p => p.Energy[m] ?? 0) : null;
        // Consumption per period, so one period that reports it and one that does not still add up.
        var loads = reported.Select(p => p.Energy[StandardMeasure.LoadKwh] ?? Balance(p.Energy)).ToList();
        var load = loads.Count > 0 && loads.All(l => l is not null) ? loads.Sum() : null;
        return new EnergyBalance(Sum(StandardMeasure.PvKwh), Sum(StandardMeasure.GridExportKwh), Sum(StandardMeasure.GridImportKwh), load);
    }

    private static double? Balance(StandardValues e) =>
        e[StandardMeasure.PvKwh] is { } pv && e[StandardMeasure.GridImportKwh] is { } import && e[StandardMeasure.GridExportKwh] is { } export
            ? pv + import + (e[StandardMeasure.DischargeKwh] ?? 0) - export - (e[StandardMeasure.ChargeKwh] ?? 0)
            : null;

    /// <summary>Share of the PV yield used on site, in %.</summary>
    public double? SelfConsumptionPercent => Ratio(PvKwh - ToGridKwh, PvKwh);

    /// <summary>Share of the consumption not drawn from the grid, in %.</summary>
    public double? SelfSufficiencyPercent => Ratio(LoadKwh - FromGridKwh, LoadKwh);

    private static double? Ratio(double? part, double? whole) =>
        part is { } p && whole is { } w && w > 0 ? Math.Clamp(p / w * 100, 0, 100) : null;
}
