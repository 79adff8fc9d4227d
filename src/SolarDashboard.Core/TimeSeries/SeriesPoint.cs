namespace SolarDashboard.Core.TimeSeries;

public readonly record struct SeriesPoint(DateTimeOffset Time, double Value);
