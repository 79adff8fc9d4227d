using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Tests.Queries;

public sealed class EnergyBalanceTests
{
    private static EnergyPoint Point(double? pv = null, double? export = null, double? import = null, double? load = null, double? charge = null, double? discharge = null) =>
        new("2026-06-17", DateTimeOffset.UnixEpoch, new StandardValues()
            .Set(StandardMeasure.PvKwh, pv).Set(StandardMeasure.GridExportKwh, export).Set(StandardMeasure.GridImportKwh, import)
            .Set(StandardMeasure.LoadKwh, load).Set(StandardMeasure.ChargeKwh, charge).Set(StandardMeasure.DischargeKwh, discharge));

    [Fact]
    public void Self_consumption_is_the_pv_yield_not_sent_to_the_grid_and_self_sufficiency_the_consumption_not_taken_from_it()
    {
        var balance = EnergyBalance.Of([Point(pv: 6, export: 2, import: 3, load: 5), Point(pv: 4, export: 2, import: 3, load: 7)]);

        Assert.Equal((10.0, 4.0, 6.0, 12.0), (balance.PvKwh, balance.ToGridKwh, balance.FromGridKwh, balance.LoadKwh));
        Assert.Equal(60, balance.SelfConsumptionPercent!.Value, 9); // (10 − 4) / 10
        Assert.Equal(50, balance.SelfSufficiencyPercent!.Value, 9); // (12 − 6) / 12
    }

    [Fact]
    public void Consumption_a_vendor_does_not_report_is_the_balance_with_the_battery_per_period()
    {
        // The first period reports consumption; the second does not: 8 + 1 + 3 − 2 − 4 = 6.
        var balance = EnergyBalance.Of([Point(pv: 5, export: 1, import: 1, load: 5), Point(pv: 8, export: 2, import: 1, charge: 4, discharge: 3)]);

        Assert.Equal(11, balance.LoadKwh!.Value, 9);
        Assert.Equal(100.0 * (11 - 2) / 11, balance.SelfSufficiencyPercent!.Value, 9);
    }

    [Fact]
    public void A_ratio_without_its_terms_or_with_a_zero_base_is_unknown_not_zero()
    {
        Assert.Null(EnergyBalance.Of([Point(pv: 0, export: 0, import: 3, load: 3)]).SelfConsumptionPercent); // a night: no PV
        Assert.Equal(0, EnergyBalance.Of([Point(pv: 0, export: 0, import: 3, load: 3)]).SelfSufficiencyPercent);
        Assert.Null(EnergyBalance.Of([Point(pv: 5, export: 1)]).SelfSufficiencyPercent); // no grid import: consumption unknown
        Assert.Null(EnergyBalance.Of([Point(pv: 5, import: 1, load: 4)]).SelfConsumptionPercent); // no export reported
        Assert.Null(EnergyBalance.Of([]).SelfConsumptionPercent);
    }

    [Fact]
    public void Rounding_noise_never_gives_a_ratio_outside_0_to_100()
    {
        var balance = EnergyBalance.Of([Point(pv: 2.0, export: 2.01, import: 0, load: -0.01)]);

        Assert.Equal(0, balance.SelfConsumptionPercent);
        Assert.Null(balance.SelfSufficiencyPercent); // no positive consumption
    }
}
