namespace SolarDashboard.Sandbox.Atess;

/// <summary>The fields of an add or modify plant request; null means "not given".</summary>
internal sealed record PlantInput(
    string? Name,
    string? Country,
    string? City,
    string? Address,
    double? Latitude,
    double? Longitude,
    TimeZoneInfo? Zone,
    double? CapacityKwp,
    DateOnly? InstallDate);
