using System.Globalization;

namespace SolarDashboard.Core.Revenue;

/// <summary>
/// What a tariff must satisfy before it is stored: a currency that is an ISO 4217 code some country uses today, and the
/// prices its kind needs, each from 0 to <see cref="MaxPricePerKwh"/> with at most <see cref="MaxDecimals"/> decimals.
/// </summary>
public static class TariffRules
{
    /// <summary>
    /// High enough for the currencies with the largest nominal prices (a kWh costs a few thousand Vietnamese dong or
    /// Indonesian rupiah), low enough to refuse a typed price per MWh in those currencies or an account number.
    /// </summary>
    public const decimal MaxPricePerKwh = 10_000m;

    public const int MaxDecimals = 4;

    /// <summary>ISO 4217 codes of the currencies of every region .NET knows (ICU's data, kept current with the runtime).</summary>
    public static IReadOnlySet<string> Currencies { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .Where(s => s is { Length: 3 }).Select(s => s!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The problems of a tariff, by field name (<c>Currency</c>, <c>Flat</c>, <c>Import</c>, <c>Export</c>); empty when it may be stored.</summary>
    public static IReadOnlyDictionary<string, string> Check(TariffInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var currency = input.Currency.Trim().ToUpperInvariant();
        if (!Currencies.Contains(currency))
            errors["Currency"] = "Enter a three-letter ISO currency code, such as EUR, USD or GBP.";
        if (input.Flat)
            Price(errors, "Flat", input.FlatPricePerKwh, "price per kWh");
        else
        {
            Price(errors, "Import", input.ImportPricePerKwh, "import price");
            Price(errors, "Export", input.ExportPricePerKwh, "export price");
        }
        return errors;
    }

    /// <summary>The tariff to store for a plant, from an input that passed <see cref="Check"/>.</summary>
    public static PlantTariff ToTariff(int plantId, TariffInput input, DateTimeOffset now) => new()
    {
        PlantId = plantId,
        Currency = input.Currency.Trim().ToUpperInvariant(),
        FlatPricePerKwh = input.Flat ? input.FlatPricePerKwh : null,
        ImportPricePerKwh = input.Flat ? null : input.ImportPricePerKwh,
        ExportPricePerKwh = input.Flat ? null : input.ExportPricePerKwh,
        UpdatedAt = now,
    };

    private static void Price(Dictionary<string, string> errors, string field, decimal? price, string name)
    {
        if (price is not { } p) errors[field] = $"Enter the {name}.";
        else if (p < 0) errors[field] = $"The {name} cannot be negative.";
        else if (p > MaxPricePerKwh) errors[field] = string.Create(CultureInfo.InvariantCulture, $"The {name} is per kWh: at most {MaxPricePerKwh:N0}.");
        else if (p.Scale > MaxDecimals && decimal.Round(p, MaxDecimals) != p) errors[field] = $"Use at most {MaxDecimals} decimals.";
    }
}
