using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Core.Redex;

/// <summary>
/// A device's lifetime PV yield (<see cref="StandardMeasure.PvKwhTotal"/>, every vendor's counter mapped into it) at the end
/// of each plant-local day: the day's last 5-minute sample. Series are stamped at each interval's start and hold the
/// counter at its end, so the day's last interval (23:55–24:00) ends at its closing midnight. Read as stored, not
/// repaired, so a counter that went down shows.
/// </summary>
public static class DayEndCounters
{
    public static async Task<Dictionary<DateOnly, double>> ReadAsync(SeriesStore series, int deviceId, string timeZoneId, DateOnly first, DateOnly last,
        CancellationToken ct = default) => (await ReadWithLatestAsync(series, deviceId, timeZoneId, first, last, ct)).Counters;

    /// <summary>As <see cref="ReadAsync"/>, with the start of the newest interval read (null when none).</summary>
    public static async Task<(Dictionary<DateOnly, double> Counters, DateTimeOffset? Latest)> ReadWithLatestAsync(SeriesStore series, int deviceId, string timeZoneId,
        DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        var from = PlantTime.ToUtc(timeZoneId, first.ToDateTime(TimeOnly.MinValue));
        var to = PlantTime.ToUtc(timeZoneId, last.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddSeconds(-1); // the closing midnight starts the next day's first interval
        var result = new Dictionary<DateOnly, double>();
        DateTimeOffset? latest = null;
        foreach (var point in await series.ReadAsync(deviceId, StandardMeasure.PvKwhTotal.SeriesName, from, to, ct))
        {
            result[PlantTime.LocalDate(timeZoneId, point.Time)] = point.Value; // in time order: the last one stays
            latest = point.Time;
        }
        return (result, latest);
    }
}
