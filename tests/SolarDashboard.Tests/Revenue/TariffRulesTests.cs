using SolarDashboard.Core.Revenue;

namespace SolarDashboard.Tests.Revenue;

public sealed class TariffRulesTests
{
    private static TariffInput Flat(string currency, decimal? price) => new(currency, true, price, null, null);
    private static TariffInput Split(decimal? import, decimal? export) => new("EUR", false, null, import, export);

    [Theory]
    [InlineData("EUR")]
    [InlineData("usd")]
    [InlineData(" GBP ")]
    [InlineData("JPY")]
    public void Iso_currency_codes_in_use_are_accepted_in_any_case(string currency) =>
        Assert.Empty(TariffRules.Check(Flat(currency, 0.3m)));

    [Theory]
    [InlineData("")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("XYZ")]
    [InlineData("€")]
    public void Anything_but_an_iso_currency_code_is_refused(string currency) =>
        Assert.Contains("Currency", TariffRules.Check(Flat(currency, 0.3m)).Keys);

    [Theory]
    [InlineData(null, "Enter the price per kWh.")]
    [InlineData(-0.01, "The price per kWh cannot be negative.")]
    [InlineData(10000.01, "The price per kWh is per kWh: at most 10,000.")]
    [InlineData(0.123456, "Use at most 4 decimals.")]
    public void A_flat_price_that_is_missing_negative_absurd_or_too_precise_is_refused(double? price, string message) =>
        Assert.Equal(message, TariffRules.Check(Flat("EUR", (decimal?)price))["Flat"]);

    [Fact]
    public void Zero_and_ordinary_prices_pass()
    {
        Assert.Empty(TariffRules.Check(Flat("EUR", 0m)));
        Assert.Empty(TariffRules.Check(Split(0.3125m, 0.0811m)));
        Assert.Empty(TariffRules.Check(Flat("VND", 2_870m)));
    }

    [Fact]
    public void Import_and_export_tariffs_need_both_prices_and_ignore_the_flat_one()
    {
        var errors = TariffRules.Check(Split(0.3m, null));

        Assert.Equal(["Export"], errors.Keys);
        Assert.Equal(["Import"], TariffRules.Check(Split(-1m, 0.1m)).Keys);
    }

    [Fact]
    public void A_stored_tariff_keeps_only_the_prices_of_its_kind_and_an_upper_case_currency()
    {
        var flat = TariffRules.ToTariff(7, new TariffInput(" eur ", true, 0.3m, 0.4m, 0.1m), DateTimeOffset.UnixEpoch);
        var split = TariffRules.ToTariff(7, new TariffInput("chf", false, 0.3m, 0.4m, 0.1m), DateTimeOffset.UnixEpoch);

        Assert.Equal(("EUR", 0.3m, (decimal?)null, (decimal?)null), (flat.Currency, flat.FlatPricePerKwh, flat.ImportPricePerKwh, flat.ExportPricePerKwh));
        Assert.Equal(("CHF", (decimal?)null, 0.4m, 0.1m), (split.Currency, split.FlatPricePerKwh, split.ImportPricePerKwh, split.ExportPricePerKwh));
    }
}
