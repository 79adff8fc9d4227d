namespace SolarDashboard.Core.Sync;

/// <summary>One vendor call: feeds the quota view, and after a restart tells the planner what is already spent.</summary>
public sealed class VendorCall
{
    public long Id { get; set; }
    public int ConnectionId { get; set; }
    public required string Api { get; set; }
    public DateTimeOffset At { get; set; }
    public int DurationMs { get; set; }
    public bool Succeeded { get; set; }
    public int? FailCode { get; set; }
    public int? HttpStatus { get; set; }
    public string? Error { get; set; }
}
