namespace SolarDashboard.Core.Ingest;

/// <summary>A plant as any vendor describes it, mapped by the vendor layer into Core's terms.</summary>
public sealed record PlantInfo(string VendorCode, string Name, string? Address, double? Latitude, double? Longitude, double? CapacityKwp,
    string TimeZoneId, DateTimeOffset? GridConnectedAt, string? ContactPerson);

public sealed record DeviceInfo(string PlantVendorCode, long VendorId, string? SerialNumber, string Name, int TypeId, string? Model, string? Firmware, int? Optimizers);

/// <summary>Real-time values of a plant or device, with the instant they describe.</summary>
public sealed record KpiSnapshot(DateTimeOffset CollectedAt, IReadOnlyDictionary<string, double?> Values);

public sealed record ReportRow(Reports.ReportPeriod Period, DateTimeOffset StartsAt, IReadOnlyDictionary<string, double?> Values);

public sealed record ActiveAlarm(string PlantVendorCode, string? SerialNumber, string? DeviceName, int? DeviceTypeId, int AlarmId, int? CauseId,
    string Name, string? Cause, string? RepairSuggestion, int Level, int? AlarmType, DateTimeOffset RaisedAt);
