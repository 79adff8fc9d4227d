namespace SolarDashboard.Vendors.FusionSolar.Wire;

/// <summary>A plant of the plant list (reference 5.1.1.1).</summary>
public sealed record NbiPlant(string Code, string Name, string? Address, double? Longitude, double? Latitude, double? CapacityKwp,
    string? ContactPerson, string? ContactMethod, DateTimeOffset? GridConnection);

public sealed record NbiPlantPage(IReadOnlyList<NbiPlant> Plants, int Total, int PageNo, int PageCount);

/// <summary>A device of the device list (reference 5.1.1.2).</summary>
public sealed record NbiDevice(long Id, string? Dn, string Name, string StationCode, string? Sn, int TypeId, string? SoftwareVersion,
    string? Model, int? OptimizerNumber);

/// <summary>
/// A dataItemMap row: of a plant (StationCode) or a device (DeviceId), with its collect time when the API gives one, and
/// the vendor's clock at answer time (params.currentTime) for real-time answers, which have no collect time.
/// </summary>
public sealed record NbiKpiRow(string? StationCode, long? DeviceId, string? Sn, DateTimeOffset? CollectTime, IReadOnlyDictionary<string, double?> Values,
    DateTimeOffset? AnsweredAt = null);

/// <summary>An active alarm (reference 5.1.3.1).</summary>
public sealed record NbiAlarm(string StationCode, string? StationName, string? DeviceName, string? Sn, int? DeviceTypeId, int AlarmId, int? CauseId,
    string Name, string? Cause, string? RepairSuggestion, int Level, int? AlarmType, DateTimeOffset RaisedAt);

public enum NbiReportPeriod { Hour, Day, Month, Year }
