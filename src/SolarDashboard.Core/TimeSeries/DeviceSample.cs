namespace SolarDashboard.Core.TimeSeries;

/// <summary>The series values of one device at one 5-minute slot (null values: the vendor sent nothing usable).</summary>
public readonly record struct DeviceSample(int DeviceId, DateTimeOffset Time, IReadOnlyDictionary<string, double?> Values);
