namespace SolarDashboard.Components.Shared;

public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);
