using SolarDashboard.Core.Revenue;

namespace SolarDashboard.Components.Monitoring;

/// <summary>
/// The tariff form's state: opened from the stored tariff (or a flat one in the currency last used), checked by
/// <see cref="TariffRules"/> before it is sent; errors by field name.
/// </summary>
public sealed class TariffForm
{
    public string Currency { get; set; } = "EUR";
    public bool Flat { get; set; } = true;
    public decimal? FlatPrice { get; set; }
    public decimal? ImportPrice { get; set; }
    public decimal? ExportPrice { get; set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public static TariffForm From(PlantTariff? tariff) => tariff is null ? new() : new()
    {
        Currency = tariff.Currency,
        Flat = tariff.FlatPricePerKwh is not null,
        FlatPrice = tariff.FlatPricePerKwh,
        ImportPrice = tariff.ImportPricePerKwh,
        ExportPrice = tariff.ExportPricePerKwh,
    };

    public TariffInput Input => new(Currency ?? "", Flat, FlatPrice, ImportPrice, ExportPrice);

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Checks the form as the server will; true when it may be sent.</summary>
    public bool Check() => Show(TariffRules.Check(Input));

    /// <summary>Shows what the server refused; true when it refused nothing.</summary>
    public bool Show(IReadOnlyDictionary<string, string> errors)
    {
        Errors = errors;
        return errors.Count == 0;
    }
}
