namespace SolarDashboard.Core.Ingest;

/// <summary>A plant as any vendor describes it, mapped by the vendor layer into Core's terms.</summary>
public sealed record PlantInfo(string VendorCode, string Name, string? Address, double? Latitude, double? Longitude, double? CapacityKwp,
    string TimeZoneId, DateTimeOffset? GridConnectedAt, string? ContactPerson);

public sealed record DeviceInfo(string PlantVendorCode, long VendorId, string? SerialNumber, string Name, int TypeId, string? Model, string? Firmware, int? Optimizers);

/// <summary>
/// Values of a plant or device at <see cref="CollectedAt"/>. <see cref="IntervalStart"/> is the start of the 5-minute
/// interval they describe, when it differs (real-time values describe the interval that just ended).
/// </summary>
public sealed record KpiSnapshot(DateTimeOffset CollectedAt, IReadOnlyDictionary<string, double?> Values, DateTimeOffset? IntervalStart = null);

public sealed record ReportRow(Reports.ReportPeriod Period, DateTimeOffset StartsAt, IReadOnlyDictionary<string, double?> Values);

public sealed record ActiveAlarm(string PlantVendorCode, string? SerialNumber, string? DeviceName, int? DeviceTypeId, int AlarmId, int? CauseId,
    string Name, string? Cause, string? RepairSuggestion, int Level, int? AlarmType, DateTimeOffset RaisedAt);
