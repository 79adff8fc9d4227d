namespace SolarDashboard.Vendors.FusionSolar.Wire;

/// <summary>
/// A dataItemMap row: of a plant (StationCode) or a device (DeviceId), with its collect time when the API gives one, and
/// the vendor's clock at answer time (params.currentTime) for real-time answers, which have no collect time.
/// </summary>
public sealed record NbiKpiRow(string? StationCode, long? DeviceId, string? Sn, DateTimeOffset? CollectTime, IReadOnlyDictionary<string, double?> Values,
    DateTimeOffset? AnsweredAt = null);
