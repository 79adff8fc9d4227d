namespace SolarDashboard.Sandbox.Simulation;

public sealed record Checkpoint(double Soc, Counters Counters, int ForcedDoneId, SiteFlags Latches = SiteFlags.None);
