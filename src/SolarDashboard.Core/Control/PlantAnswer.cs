namespace SolarDashboard.Core.Control;

/// <summary>
/// One plant's line of a delivery or query answer. <paramref name="Confirmed"/>: a success the vendor's own answer already
/// proves (a setting read back), in words; the effect is then confirmed at once instead of from the plant's data.
/// </summary>
public sealed record PlantAnswer(string PlantCode, PlantControlStatus Status, string? Message, double? ChargedKwh = null, double? DischargedKwh = null, string? Confirmed = null);
