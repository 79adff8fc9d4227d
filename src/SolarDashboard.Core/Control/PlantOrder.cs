namespace SolarDashboard.Core.Control;

/// <summary>One plant's entry of a delivery: the vendor's key of the plant and what it is to do.</summary>
public sealed record PlantOrder(string PlantKey, ControlParameters Parameters);
