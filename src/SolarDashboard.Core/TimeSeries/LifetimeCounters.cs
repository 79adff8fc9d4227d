namespace SolarDashboard.Core.TimeSeries;

/// <summary>
/// Values that only grow over a device's life. The vendor sometimes reports them low around midnight and then recovers;
/// treating the dip as real would turn into a huge negative energy spike, so they are kept monotonic. Which raw keys are
/// lifetime counters is the vendor mapping's knowledge (<see cref="Measures.IMeasureMapping.IsLifetimeCounter"/>).
/// </summary>
public static class LifetimeCounters
{
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
