namespace SolarDashboard.Core.Plants;

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

    /// <summary>
    /// The standard measures of <see cref="ValuesJson"/> by the vendor's mapping (<see cref="Measures.StandardValues"/>);
    /// null only on rows stored before standard measures existed, until the start-up backfill computes them.
    /// </summary>
    public string? StandardJson { get; set; }
}
