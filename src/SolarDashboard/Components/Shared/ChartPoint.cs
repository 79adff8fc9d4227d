namespace SolarDashboard.Components.Shared;

/// <summary>A point of a time chart: X is plant-local epoch milliseconds (the axis shows it as is).</summary>
public readonly record struct ChartPoint(long X, double? Y);
