namespace SolarDashboard.Core.Revenue;

/// <summary>
/// What a plant's energy is worth to its owner, set per plant: either one flat price for every kWh produced, or an
/// import price (what self-consumed energy saves) and an export price (what energy fed in earns).
/// </summary>
public sealed class PlantTariff
{
    public int PlantId { get; set; }

    /// <summary>ISO 4217 code ("EUR").</summary>
    public required string Currency { get; set; }

    public decimal? FlatPricePerKwh { get; set; }
    public decimal? ImportPricePerKwh { get; set; }
    public decimal? ExportPricePerKwh { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
