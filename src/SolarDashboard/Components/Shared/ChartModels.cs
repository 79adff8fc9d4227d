namespace SolarDashboard.Components.Shared;

/// <summary>A point of a time chart: X is plant-local epoch milliseconds (the axis shows it as is).</summary>
public readonly record struct ChartPoint(long X, double? Y);

public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>What a chart shows. With <see cref="Categories"/> the X axis is categorical and each series' Y values follow it.</summary>
public sealed record ChartConfig(
    string Type,
    IReadOnlyList<ChartSeries> Series,
    string YTitle,
    string XTitle,
    IReadOnlyList<string>? Categories = null,
    int Height = 300,
    bool Stacked = false,
    string TooltipFormat = "dd MMM HH:mm",
    IReadOnlyList<string>? Colors = null);
