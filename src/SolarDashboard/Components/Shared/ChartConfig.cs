namespace SolarDashboard.Components.Shared;

/// <summary>
/// What a chart shows. With <see cref="Categories"/> the X axis is categorical and each series' Y values follow it.
/// <see cref="NoData"/> replaces "No data for this period" on an empty chart.
/// </summary>
public sealed record ChartConfig(
    string Type,
    IReadOnlyList<ChartSeries> Series,
    string YTitle,
    string XTitle,
    IReadOnlyList<string>? Categories = null,
    int Height = 300,
    bool Stacked = false,
    string TooltipFormat = "dd MMM HH:mm",
    IReadOnlyList<string>? Colors = null,
    string? NoData = null);
