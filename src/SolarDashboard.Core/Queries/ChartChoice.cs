namespace SolarDashboard.Core.Queries;

/// <summary>A series a device chart can show: a raw key or a standard measure's series name, with its label and unit.</summary>
public sealed record ChartChoice(string Series, string Label, string Unit);
