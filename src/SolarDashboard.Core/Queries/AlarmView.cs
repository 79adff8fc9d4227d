namespace SolarDashboard.Core.Queries;

/// <summary>An alarm as pages show it; <see cref="DeviceType"/> is the type's name in the vendor's catalogue.</summary>
public sealed record AlarmView(int Id, int PlantId, string PlantName, string TimeZoneId, int? DeviceId, string? DeviceName, string? DeviceType, int AlarmId,
    string Name, string? Cause, string? RepairSuggestion, int Level, DateTimeOffset RaisedAt, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ClearedAt);
