namespace SolarDashboard.Vendors.FusionSolar.Wire;

/// <summary>An active alarm (reference 5.1.3.1).</summary>
public sealed record NbiAlarm(string StationCode, string? StationName, string? DeviceName, string? Sn, int? DeviceTypeId, int AlarmId, int? CauseId,
    string Name, string? Cause, string? RepairSuggestion, int Level, int? AlarmType, DateTimeOffset RaisedAt);
