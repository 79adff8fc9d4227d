using System.Text.Json;

namespace SolarDashboard.Core.Plants;

/// <summary>The devTypeId values (reference 5.1.1.2) the dashboard reasons about.</summary>
public static class DeviceTypeIds
{
    public const int StringInverter = 1, SmartLogger = 2, GridMeter = 17, ResidentialInverter = 38, Battery = 39, CommercialEss = 41,
        PowerSensor = 47, Dongle = 62, DistributedSmartLogger = 63, Emma = 23070;

    public static readonly int[] Inverters = [StringInverter, ResidentialInverter];
    public static readonly int[] Batteries = [Battery, CommercialEss];
}

/// <summary>Stored KPI values: every key the vendor sent, as JSON {"key": number|null}.</summary>
public static class KpiJson
{
    public static IReadOnlyDictionary<string, double?> Parse(string json) => JsonSerializer.Deserialize<Dictionary<string, double?>>(json) ?? [];
}
