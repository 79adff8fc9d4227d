namespace SolarDashboard.Core.Sync;

/// <summary>Progress of one kind of data for one connection: what succeeded, what failed, when it is due again.</summary>
public sealed class SyncState
{
    public int ConnectionId { get; set; }
    public required string DataClass { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public DateTimeOffset? LastFailureAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset NextDueAt { get; set; }

    /// <summary>The pace the plan gives this data now; "stale" means older than twice this.</summary>
    public TimeSpan PlannedInterval { get; set; }

    /// <summary>Where a long job (history backfill) continues after a restart.</summary>
    public string? Cursor { get; set; }
}

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
