namespace SolarDashboard.Core.Control;

/// <summary>One plant's line of a delivery or query answer.</summary>
public sealed record PlantAnswer(string PlantCode, PlantControlStatus Status, string? Message, double? ChargedKwh = null, double? DischargedKwh = null);
