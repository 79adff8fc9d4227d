namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>A connection's plan: each job with its pace and budget, and the calls a day leaves for the history backfill.</summary>
public sealed record SyncPlan(bool OAuth, IReadOnlyList<PlannedJob> Jobs, int HistoryBackfillCallsPerDay)
{
    public PlannedJob Job(DataClass c) => Jobs.Single(j => j.Class == c);
}
