using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Revenue;

namespace SolarDashboard.Tests.Revenue;

public sealed class EnergyWorthTests
{
    // 100 kWh produced, 40 of them to the grid (60 used on site), 30 bought.
    private static readonly EnergyBalance Period = new(PvKwh: 100, ToGridKwh: 40, FromGridKwh: 30, LoadKwh: 90);

    private static PlantTariff Flat(decimal price) => new() { Currency = "EUR", FlatPricePerKwh = price };
    private static PlantTariff ImportExport(decimal import, decimal export) => new() { Currency = "CHF", ImportPricePerKwh = import, ExportPricePerKwh = export };

    [Fact]
    public void A_flat_tariff_pays_every_kwh_produced()
    {
        var worth = EnergyWorth.Of(Period, 10, Flat(0.25m), 0.4);

        Assert.Equal(25.00m, worth.Revenue);
        Assert.Equal("EUR", worth.Currency);
    }

    [Fact]
    public void Import_and_export_prices_value_self_consumed_energy_at_the_import_price_and_exported_energy_at_the_export_price()
    {
        var worth = EnergyWorth.Of(Period, 10, ImportExport(import: 0.30m, export: 0.08m), 0.4);

        Assert.Equal(60 * 0.30m + 40 * 0.08m, worth.Revenue); // 18.00 + 3.20
        Assert.Equal("CHF", worth.Currency);
    }

    [Fact]
    public void Specific_yield_is_the_pv_yield_per_kwp_and_co2_avoided_the_yield_times_the_factor()
    {
        var worth = EnergyWorth.Of(Period, 8, null, 0.4);

        Assert.Equal(12.5, worth.SpecificYieldKwhPerKwp!.Value, 9);
        Assert.Equal(40, worth.Co2AvoidedKg!.Value, 9);
        Assert.Null(worth.Revenue); // no tariff, no revenue
        Assert.Null(worth.Currency);
    }

    [Fact]
    public void Figures_whose_terms_are_missing_are_unknown_not_zero()
    {
        var noExport = new EnergyBalance(PvKwh: 100, ToGridKwh: null, FromGridKwh: 30, LoadKwh: 90);
        Assert.Null(EnergyWorth.Of(noExport, 10, ImportExport(0.3m, 0.1m), 0.4).Revenue);
        Assert.Equal(25m, EnergyWorth.Of(noExport, 10, Flat(0.25m), 0.4).Revenue); // a flat price needs only the yield

        var nothing = EnergyBalance.Of([]);
        var worth = EnergyWorth.Of(nothing, 10, Flat(0.25m), 0.4);
        Assert.Equal((null, null, (double?)null), (worth.SpecificYieldKwhPerKwp, worth.Revenue, worth.Co2AvoidedKg));
        Assert.Null(EnergyWorth.Of(Period, 0, null, 0.4).SpecificYieldKwhPerKwp);
        Assert.Null(EnergyWorth.Of(Period, null, null, 0.4).SpecificYieldKwhPerKwp);
    }

    [Fact]
    public void An_export_a_hair_above_the_yield_never_makes_a_negative_saving()
    {
        var worth = EnergyWorth.Of(new EnergyBalance(10, 10.001, 0, 0), 1, ImportExport(0.30m, 0.10m), 0.4);

        Assert.Equal(10.001m * 0.10m, worth.Revenue!.Value, 6);
    }
}
