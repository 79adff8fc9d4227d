using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using static SolarDashboard.Vendors.FusionSolar.Model.FusionSolarDeviceTypes;

namespace SolarDashboard.Vendors.FusionSolar.Model;

/// <summary>
/// FusionSolar's raw values in the standard measures (reference 5.1.2 real-time and 5-minute data, 5.1.4 reports), written
/// once. Units: inverter and grid meter powers are kW, battery and power sensor powers W. Signs: a battery's
/// <c>ch_discharge_power</c> is positive when charging (as standard); a meter's <c>active_power</c> is positive when feeding
/// in, so the standard grid power (+ importing) is its negative; <c>active_cap</c> is exported and
/// <c>reverse_active_cap</c> imported energy. A battery's <c>charge_cap</c>/<c>discharge_cap</c> count today.
/// </summary>
public sealed class FusionSolarMeasures : IMeasureMapping
{
    private static readonly HashSet<string> Lifetime =
    [
        "total_cap", "mppt_total_cap", "active_cap", "reverse_active_cap", "forward_reactive_cap", "reverse_reactive_cap",
        "total_power", "total_income", "total_energy_consumption", "total_discharge", "total_output_energy",
    ];

    public Vendor Vendor => Vendor.FusionSolar;

    public DeviceRole RoleOf(string vendorType) => FusionSolarDeviceTypes.RoleOf(Parse(vendorType));

    public StandardValues Device(string vendorType, IReadOnlyDictionary<string, double?> raw)
    {
        var values = new StandardValues();
        double? Get(string key) => raw.GetValueOrDefault(key);
        switch (Parse(vendorType))
        {
            case StringInverter or ResidentialInverter:
                values.Set(StandardMeasure.PvKw, Get("active_power"))
                    .Set(StandardMeasure.PvKwhToday, Get("day_cap"))
                    .Set(StandardMeasure.PvKwhTotal, Get("total_cap"));
                break;
            case Battery or CommercialEss:
                values.Set(StandardMeasure.BatteryKw, Get("ch_discharge_power") / 1000)
                    .Set(StandardMeasure.Soc, Get("battery_soc"))
                    .Set(StandardMeasure.ChargeKwhToday, Get("charge_cap"))
                    .Set(StandardMeasure.DischargeKwhToday, Get("discharge_cap"));
                break;
            case GridMeter:
                values.Set(StandardMeasure.GridKw, -Get("active_power"));
                Meters(values, raw);
                break;
            case PowerSensor:
                values.Set(StandardMeasure.GridKw, -Get("active_power") / 1000);
                Meters(values, raw);
                break;
        }
        return values.Set(DeviceHealth(raw));
    }

    public StandardValues Plant(IReadOnlyDictionary<string, double?> raw) => new StandardValues()
        .Set(StandardMeasure.PvKwhToday, raw.GetValueOrDefault("day_power"))
        .Set(StandardMeasure.PvKwhTotal, raw.GetValueOrDefault("total_power"))
        .Set(raw.GetValueOrDefault("real_health_state") switch { 1 => Health.Disconnected, 2 => Health.Faulty, 3 => Health.Healthy, _ => Health.Unknown });

    public StandardValues DeviceReport(string vendorType, ReportPeriod period, IReadOnlyDictionary<string, double?> raw)
    {
        var values = new StandardValues();
        var type = Parse(vendorType);
        if (Inverters.Contains(type)) values.Set(StandardMeasure.PvKwh, raw.GetValueOrDefault("product_power"));
        if (Batteries.Contains(type))
            values.Set(StandardMeasure.ChargeKwh, raw.GetValueOrDefault("charge_cap")).Set(StandardMeasure.DischargeKwh, raw.GetValueOrDefault("discharge_cap"));
        return values;
    }

    /// <summary>Hour reports carry no consumption and no grid import (reference 5.1.4.1): those stay unknown for hours.</summary>
    public StandardValues PlantReport(ReportPeriod period, IReadOnlyDictionary<string, double?> raw) => new StandardValues()
        // inverterYield is the vendor's preferred yield ("inverter_power ... is inaccurate").
        .Set(StandardMeasure.PvKwh, raw.GetValueOrDefault("inverterYield") ?? raw.GetValueOrDefault("PVYield") ?? raw.GetValueOrDefault("inverter_power"))
        .Set(StandardMeasure.GridExportKwh, raw.GetValueOrDefault("ongrid_power"))
        .Set(StandardMeasure.GridImportKwh, raw.GetValueOrDefault("buyPower"))
        .Set(StandardMeasure.LoadKwh, raw.GetValueOrDefault("use_power"))
        .Set(StandardMeasure.ChargeKwh, raw.GetValueOrDefault("chargeCap"))
        .Set(StandardMeasure.DischargeKwh, raw.GetValueOrDefault("dischargeCap"));

    public IReadOnlyCollection<string> SeriesInputs(string vendorType) => Parse(vendorType) switch
    {
        StringInverter or ResidentialInverter => ["active_power", "total_cap"],
        GridMeter or PowerSensor => ["active_power"],
        Battery or CommercialEss => ["ch_discharge_power", "battery_soc"],
        _ => [],
    };

    public bool IsLifetimeCounter(string rawKey) =>
        Lifetime.Contains(rawKey) || (rawKey.StartsWith("mppt_", StringComparison.Ordinal) && rawKey.EndsWith("_cap", StringComparison.Ordinal));

    private static void Meters(StandardValues values, IReadOnlyDictionary<string, double?> raw) => values
        .Set(StandardMeasure.GridImportKwhTotal, raw.GetValueOrDefault("reverse_active_cap"))
        .Set(StandardMeasure.GridExportKwhTotal, raw.GetValueOrDefault("active_cap"));

    /// <summary>The worst of what the device's state keys say (reference 5.1.2.2); unknown when it reports none.</summary>
    private static Health DeviceHealth(IReadOnlyDictionary<string, double?> raw)
    {
        var signs = new List<Health>();
        if (raw.GetValueOrDefault("run_state") is { } run) signs.Add(run == 0 ? Health.Disconnected : Health.Healthy);
        if (raw.GetValueOrDefault("meter_status") is { } meter) signs.Add(meter == 0 ? Health.Disconnected : Health.Healthy);
        if (raw.GetValueOrDefault("battery_status") is { } battery) signs.Add(battery switch { 0 => Health.Disconnected, 3 => Health.Faulty, _ => Health.Healthy });
        // 768 "Shutdown: on fault"; 771 and 45056 say the inverter cannot be reached.
        if (raw.GetValueOrDefault("inverter_state") is { } inverter) signs.Add(inverter switch { 768 => Health.Faulty, 771 or 45056 => Health.Disconnected, _ => Health.Healthy });
        return signs.Contains(Health.Faulty) ? Health.Faulty : signs.Contains(Health.Disconnected) ? Health.Disconnected : signs.Count > 0 ? Health.Healthy : Health.Unknown;
    }
}
