using SolarDashboard.Components.Monitoring;
using SolarDashboard.Core.Revenue;

namespace SolarDashboard.Tests.Web;

public sealed class EnergyTextsTests
{
    [Fact]
    public void Money_reads_with_two_decimals_and_the_iso_code()
    {
        Assert.Equal("1,234.50 EUR", EnergyTexts.Money(1234.5m, "EUR"));
        Assert.Equal("—", EnergyTexts.Money(null, "EUR"));
        Assert.Equal("—", EnergyTexts.Money(3m, null));
    }

    [Fact]
    public void Co2_reads_in_kilograms_then_tonnes()
    {
        Assert.Equal("850 kg", EnergyTexts.Co2(850.2));
        Assert.Equal("1.25 t", EnergyTexts.Co2(1250));
        Assert.Equal("—", EnergyTexts.Co2(null));
    }

    [Fact]
    public void A_tariff_reads_in_words()
    {
        Assert.Equal("no tariff set", EnergyTexts.TariffSummary(null));
        Assert.Equal("0.30 EUR per kWh produced", EnergyTexts.TariffSummary(new PlantTariff { Currency = "EUR", FlatPricePerKwh = 0.3m }));
        Assert.Equal("saves 0.3125 CHF/kWh used, earns 0.08 CHF/kWh to grid",
            EnergyTexts.TariffSummary(new PlantTariff { Currency = "CHF", ImportPricePerKwh = 0.3125m, ExportPricePerKwh = 0.08m }));
    }
}
