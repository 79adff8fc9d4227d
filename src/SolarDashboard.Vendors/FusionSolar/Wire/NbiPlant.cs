namespace SolarDashboard.Vendors.FusionSolar.Wire;

/// <summary>A plant of the plant list (reference 5.1.1.1).</summary>
public sealed record NbiPlant(string Code, string Name, string? Address, double? Longitude, double? Latitude, double? CapacityKwp,
    string? ContactPerson, string? ContactMethod, DateTimeOffset? GridConnection);
