namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>One planned job: how many calls a run takes, how often it runs, and which budget pays.</summary>
public sealed record PlannedJob(DataClass Class, string Api, int CallsPerRun, TimeSpan Interval, Budget Budget)
{
    public double CallsPerDay => Interval <= TimeSpan.Zero ? 0 : CallsPerRun * (TimeSpan.FromDays(1) / Interval);
}
