namespace SolarDashboard.Core.Ingest;

/// <summary>An alarm the vendor lists as active. <see cref="Level"/>: 1 critical, 2 major, 3 minor, 4 warning.</summary>
public sealed record ActiveAlarm(string PlantVendorKey, string? SerialNumber, string? DeviceName, string? DeviceVendorType, int AlarmId, int? CauseId,
    string Name, string? Cause, string? RepairSuggestion, int Level, int? AlarmType, DateTimeOffset RaisedAt);
