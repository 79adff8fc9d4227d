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
