namespace SolarDashboard.Core.Control;

public sealed class ControlTaskPlant
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int PlantId { get; set; }
    public required string PlantName { get; set; }
    public required string PlantCode { get; set; }

    /// <summary>This plant's parameters as sent (our JSON of the request, not the wire form).</summary>
    public required string ParametersJson { get; set; }

    public PlantControlStatus Status { get; set; }
    public string? Message { get; set; }
    public double? ChargedKwh { get; set; }
    public double? DischargedKwh { get; set; }

    /// <summary>True while the plant's task may still act (delivering, running, unknown): a unique index allows one per plant.</summary>
    public bool Active { get; set; }

    /// <summary>After SUCCESS: what the plant's own data showed ("confirmed", "not visible"), and why.</summary>
    public string? Effect { get; set; }
    public string? EffectNote { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
