using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;

namespace SolarDashboard.Core.Queries;

/// <summary>
/// A plant as the list shows it, from its summary row. <see cref="CurrentPowerKw"/> is its PV power;
/// <see cref="Vendor"/> the vendor's name as people know it; <see cref="GridKw"/> positive when importing.
/// <see cref="Connection"/> is the state of the connection that feeds it: when that needs a person and the data is stale,
/// <see cref="Health"/> is unknown rather than the last health heard (see <see cref="NeedsAttention"/>).
/// <see cref="Latitude"/> and <see cref="Longitude"/> (degrees) place it among its peers.
/// </summary>
public sealed record PlantSummary(int Id, int ConnectionId, string Vendor, string Name, string? Address, double? CapacityKwp, string TimeZoneId, Health Health,
    AgedValue CurrentPowerKw, AgedValue TodayYieldKwh, AgedValue BatterySoc, AlarmCounts Alarms, DateTimeOffset? DataCollectedAt, bool IsStale, AgedValue GridKw,
    ConnectionState Connection, double? Latitude = null, double? Longitude = null)
{
    /// <summary>Today's yield per kWp installed (kWh/kWp); null without a yield or a capacity.</summary>
    public double? SpecificYieldToday => Revenue.EnergyWorth.SpecificYield(TodayYieldKwh.Value, CapacityKwp);

    /// <summary>The connection cannot fetch until a person acts (consent again, new credentials, reconnect).</summary>
    public bool NeedsAttention => ConnectionAttention.NeedsPerson(Connection);
}
