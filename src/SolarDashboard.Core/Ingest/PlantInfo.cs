namespace SolarDashboard.Core.Ingest;

/// <summary>A plant as any vendor describes it, mapped by the vendor layer into Core's terms.</summary>
public sealed record PlantInfo(string VendorKey, string Name, string? Address, double? Latitude, double? Longitude, double? CapacityKwp,
    string TimeZoneId, DateTimeOffset? GridConnectedAt, string? ContactPerson);
