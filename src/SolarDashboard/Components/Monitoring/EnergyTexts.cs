using System.Globalization;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Revenue;

namespace SolarDashboard.Components.Monitoring;

/// <summary>How specific yield, money, CO₂ and a tariff read on the plant pages.</summary>
public static class EnergyTexts
{
    public static string SpecificYield(double? kwhPerKwp) => Format.Number(kwhPerKwp, 2, "kWh/kWp");

    /// <summary>"12.34 EUR": the ISO code rather than a symbol, which several currencies share.</summary>
    public static string Money(decimal? amount, string? currency) =>
        amount is { } a && currency is not null ? a.ToString("N2", CultureInfo.InvariantCulture) + " " + currency : "—";

    /// <summary>"850 kg", "1.25 t".</summary>
    public static string Co2(double? kg) => kg switch
    {
        null => "—",
        >= 1000 => Format.Number(kg / 1000, 2, "t"),
        _ => Format.Number(kg, 0, "kg"),
    };

    public static string TariffSummary(PlantTariff? tariff) => tariff switch
    {
        null => "no tariff set",
        { FlatPricePerKwh: { } flat } => $"{Price(flat)} {tariff.Currency} per kWh produced",
        _ => $"saves {Price(tariff.ImportPricePerKwh)} {tariff.Currency}/kWh used, earns {Price(tariff.ExportPricePerKwh)} {tariff.Currency}/kWh to grid",
    };

    public static string Price(decimal? price) => price?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "—";
}
