namespace SolarDashboard.Core.Plants;

/// <summary>A plant as the cache knows it. <see cref="TimeZoneId"/> is an IANA zone when known, else a fixed offset ("+08:00").</summary>
public sealed class Plant
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }

    /// <summary>The vendor's key of the plant (a FusionSolar plant code, an ATESS plant id), unique per connection.</summary>
    public required string VendorKey { get; set; }

    public required string Name { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? CapacityKwp { get; set; }
    public required string TimeZoneId { get; set; }
    public DateTimeOffset? GridConnectedAt { get; set; }

    /// <summary>
    /// The plant-local date from which the plant's reports are in the cache: the start of the oldest period the history
    /// backfill has fetched (null until it fetched one). Charts of older periods say how far back history is loaded.
    /// </summary>
    public DateOnly? HistoryLoadedFrom { get; set; }
    public string? ContactPerson { get; set; }
    public DateTimeOffset DiscoveredAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
