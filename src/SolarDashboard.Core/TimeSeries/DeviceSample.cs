namespace SolarDashboard.Core.TimeSeries;

/// <summary>
/// The series values of one device at one 5-minute slot (null values: the vendor sent nothing usable), and the standard
/// series the vendor's mapping made of them. Kept apart rather than merged so ingest does not copy every raw value.
/// A standard series overrides a raw value of the same name.
/// </summary>
public readonly record struct DeviceSample(int DeviceId, DateTimeOffset Time, IReadOnlyDictionary<string, double?> Values,
    IReadOnlyList<KeyValuePair<string, double>>? Standard = null);
