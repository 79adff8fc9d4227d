namespace SolarDashboard.Sandbox.Simulation;

public sealed record ControlState(WorkingMode Mode, BatteryLimits Limits, FeedInLimit FeedIn, ForcedCommand? Forced)
{
    /// <summary>Hybrid-system rules (ATESS); null for FusionSolar plants.</summary>
    public SiteRules? Site { get; init; }
}
