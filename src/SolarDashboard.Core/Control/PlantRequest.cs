namespace SolarDashboard.Core.Control;

/// <summary>One plant and what it is to do.</summary>
public sealed record PlantRequest(int PlantId, ControlParameters Parameters);
