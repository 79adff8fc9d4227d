namespace SolarDashboard.Components.Shared;

/// <summary>One leg: its power as an unsigned number, the direction and the plain word for it ("charging", "from grid").</summary>
public sealed record FlowLeg(double? Kw, FlowDirection Direction, string Word);
