namespace SolarDashboard.Core.Plants;

/// <summary>A plant as the cache knows it. <see cref="TimeZoneId"/> is an IANA zone when known, else a fixed offset ("+08:00").</summary>
public sealed class Plant
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public required string VendorCode { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? CapacityKwp { get; set; }
    public required string TimeZoneId { get; set; }
    public DateTimeOffset? GridConnectedAt { get; set; }
    public string? ContactPerson { get; set; }
    public DateTimeOffset DiscoveredAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

/// <summary>A device of a plant.</summary>
public sealed class Device
{
    public int Id { get; set; }
    public int PlantId { get; set; }
    public long VendorId { get; set; }
    public string? SerialNumber { get; set; }
    public required string Name { get; set; }
    public int TypeId { get; set; }
    public string? Model { get; set; }
    public string? Firmware { get; set; }
    public int? Optimizers { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

/// <summary>The latest real-time values of a plant or a device, with when they were measured and when we got them.</summary>
public sealed class LatestKpis
{
    public int Id { get; set; }
    public int? PlantId { get; set; }
    public int? DeviceId { get; set; }
    public DateTimeOffset CollectedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Every key the vendor sent (unknown ones too), as JSON {"key": number|null}.</summary>
    public required string ValuesJson { get; set; }
}
