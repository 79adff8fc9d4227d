using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>One authenticated, budgeted NBI call.</summary>
public sealed record NbiCall(NbiRequest Request, Caller Caller, SandboxWorld World, Quirks Quirks, long Now);
