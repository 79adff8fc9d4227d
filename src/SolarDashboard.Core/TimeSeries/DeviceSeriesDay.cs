namespace SolarDashboard.Core.TimeSeries;

/// <summary>
/// One KPI of one device over one UTC day: 288 five-minute slots packed as little-endian doubles, NaN where no sample
/// exists. Chosen by measurement over one-row-per-sample-with-JSON (see README, "Time series").
/// </summary>
public sealed class DeviceSeriesDay
{
    public int DeviceId { get; set; }
    public int KpiId { get; set; }

    /// <summary>Days since 1970-01-01 (UTC).</summary>
    public int Day { get; set; }

    public required byte[] Values { get; set; }
}
