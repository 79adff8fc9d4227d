namespace SolarDashboard.Core.TimeSeries;

/// <summary>
/// KPIs that only grow over a device's life. The vendor sometimes reports them low around midnight and then recovers;
/// treating the dip as real would turn into a huge negative energy spike, so these are kept monotonic.
/// </summary>
public static class LifetimeCounters
{
    private static readonly HashSet<string> Keys =
    [
        "total_cap", "mppt_total_cap", "active_cap", "reverse_active_cap", "forward_reactive_cap", "reverse_reactive_cap",
        "total_power", "total_income", "total_energy_consumption", "total_discharge", "total_output_energy",
    ];

    public static bool IsLifetime(string kpi) => Keys.Contains(kpi) || (kpi.StartsWith("mppt_", StringComparison.Ordinal) && kpi.EndsWith("_cap", StringComparison.Ordinal));

    /// <summary>A running maximum: a dip is shown as the last good value until the counter recovers.</summary>
    public static IReadOnlyList<SeriesPoint> Repair(IReadOnlyList<SeriesPoint> points)
    {
        var result = new SeriesPoint[points.Count];
        var max = double.NegativeInfinity;
        for (var i = 0; i < points.Count; i++)
        {
            max = Math.Max(max, points[i].Value);
            result[i] = points[i] with { Value = max };
        }
        return result;
    }
}
