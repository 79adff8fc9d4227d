namespace SolarDashboard.Core.Notifications;

/// <summary>What a message says about one alarm.</summary>
public sealed record AlarmNotice(int AlarmId, int Level, string Name, string PlantName, string TimeZoneId, string? DeviceName, string? Cause,
    string? RepairSuggestion, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt);
