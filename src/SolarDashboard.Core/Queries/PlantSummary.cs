using SolarDashboard.Core.Measures;

namespace SolarDashboard.Core.Queries;

/// <summary>
/// A plant as the list shows it, from its summary row. <see cref="CurrentPowerKw"/> is its PV power;
/// <see cref="Vendor"/> the vendor's name as people know it; <see cref="GridKw"/> positive when importing.
/// </summary>
public sealed record PlantSummary(int Id, int ConnectionId, string Vendor, string Name, string? Address, double? CapacityKwp, string TimeZoneId, Health Health,
    AgedValue CurrentPowerKw, AgedValue TodayYieldKwh, AgedValue BatterySoc, AlarmCounts Alarms, DateTimeOffset? DataCollectedAt, bool IsStale, AgedValue GridKw);
