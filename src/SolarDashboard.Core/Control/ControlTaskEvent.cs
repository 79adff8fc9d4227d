namespace SolarDashboard.Core.Control;

/// <summary>The audit trail: one line per step and vendor answer. Append-only (database triggers refuse changes).</summary>
public sealed class ControlTaskEvent
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Step { get; set; }
    public required string Detail { get; set; }
}
