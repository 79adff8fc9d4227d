namespace SolarDashboard.Sandbox.Simulation;

/// <summary>A forced charge (switch 1) or discharge (switch 2) of reference 5.2.1.</summary>
public sealed record ForcedCommand(int Id, int Switch, int ControlType, double? TargetSoc, int? DurationMinutes, double? PowerKw, DateTimeOffset Start);
