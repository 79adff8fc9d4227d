namespace SolarDashboard.Core.Control;

/// <summary>Per plant: what will happen in words, and the exact entry that will be sent.</summary>
public sealed record PlannedPlant(PlantControlFacts Plant, ControlParameters Parameters, string Description, string WireJson);
