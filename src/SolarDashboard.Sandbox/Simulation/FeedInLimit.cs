namespace SolarDashboard.Sandbox.Simulation;

public sealed record FeedInLimit(bool Limited, double MaxKw, bool PerPhase)
{
    public static readonly FeedInLimit Unlimited = new(false, 0, false);
}
