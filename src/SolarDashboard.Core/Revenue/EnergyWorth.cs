using SolarDashboard.Core.Queries;

namespace SolarDashboard.Core.Revenue;

/// <summary>
/// What a period's energy means to an owner, from the same figures as its ratios (<see cref="EnergyBalance"/>):
/// <list type="bullet">
/// <item>specific yield = PV yield ÷ capacity, in kWh/kWp, so plants of any size compare;</item>
/// <item>revenue, with a flat tariff = PV yield × price; with import and export prices = self-consumed × import price +
/// to grid × export price, where self-consumed = PV yield − to grid (what the owner did not have to buy);</item>
/// <item>CO₂ avoided = PV yield × the grid's emission factor (kg per kWh).</item>
/// </list>
/// Each is null when a figure it needs is missing.
/// </summary>
public sealed record EnergyWorth(double? SpecificYieldKwhPerKwp, decimal? Revenue, string? Currency, double? Co2AvoidedKg)
{
    public static EnergyWorth Of(EnergyBalance balance, double? capacityKwp, PlantTariff? tariff, double co2KgPerKwh) => new(
        SpecificYield(balance.PvKwh, capacityKwp),
        tariff is null ? null : RevenueOf(balance, tariff),
        tariff?.Currency,
        balance.PvKwh is { } pv ? pv * co2KgPerKwh : null);

    /// <summary>kWh per kWp installed; null without a yield or a positive capacity.</summary>
    public static double? SpecificYield(double? pvKwh, double? capacityKwp) =>
        pvKwh is { } pv && capacityKwp is { } kwp && kwp > 0 ? pv / kwp : null;

    private static decimal? RevenueOf(EnergyBalance b, PlantTariff t)
    {
        if (b.PvKwh is not { } pv) return null;
        if (t.FlatPricePerKwh is { } flat) return (decimal)pv * flat;
        if (t.ImportPricePerKwh is not { } import || t.ExportPricePerKwh is not { } export || b.ToGridKwh is not { } toGrid) return null;
        // Rounding noise can make the export a hair above the yield: nothing self-consumed then, never a negative saving.
        var selfConsumed = Math.Max(0, pv - toGrid);
        return (decimal)selfConsumed * import + (decimal)toGrid * export;
    }
}
