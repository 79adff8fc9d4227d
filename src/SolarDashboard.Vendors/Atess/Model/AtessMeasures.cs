using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Vendors.Atess.Model;

/// <summary>
/// ATESS raw values in the standard measures, written once per family (HPS, PCS, PBD, BMS). Units are the reference's
/// labels: powers kW, energies kWh, SOC %. Signs: <c>pac</c> ("BAT Power") is positive while the battery discharges, so
/// the standard battery power (+ charging) is its negative; <c>meterPower</c> ("Meter P") is positive while importing,
/// as standard. Consumption is the critical load plus the non-critical load (<c>loadActivePower + nonCriticalLoad</c>,
/// <c>eload… + …NonCriticalEnergy</c>). PV of an HPS100HV/HPS150HV is <c>ppv1</c> ("Total PV Power"; its <c>ppv</c> is
/// PV1 only). A PBD counts for PV (and SOC); its battery is the PCS's, counted there.
/// </summary>
public sealed class AtessMeasures : IMeasureMapping
{
    public Vendor Vendor => Vendor.Atess;

    public DeviceRole RoleOf(string vendorType) => AtessDeviceTypes.RoleOf(vendorType);

    public StandardValues Device(string vendorType, IReadOnlyDictionary<string, double?> raw)
    {
        double? Get(string key) => raw.GetValueOrDefault(key);
        var values = new StandardValues();
        switch (AtessDeviceTypes.KindOf(vendorType))
        {
            case AtessKind.Hps or AtessKind.Pcs:
                if (AtessDeviceTypes.KindOf(vendorType) == AtessKind.Hps)
                    values.Set(StandardMeasure.PvKw, AtessDeviceTypes.IsHighVoltage(vendorType) ? Get("ppv1") : Get("ppv"))
                        .Set(StandardMeasure.PvKwhToday, Get("epvToday")).Set(StandardMeasure.PvKwhTotal, Get("epvTotal"));
                Battery(values, raw);
                values.Set(StandardMeasure.GridKw, Get("meterPower"))
                    .Set(StandardMeasure.LoadKw, Get("loadActivePower") + Get("nonCriticalLoad"))
                    .Set(StandardMeasure.GridImportKwhToday, Get("egridToday")).Set(StandardMeasure.GridExportKwhToday, Get("etoGridToday"))
                    .Set(StandardMeasure.GridImportKwhTotal, Get("egridTotal")).Set(StandardMeasure.GridExportKwhTotal, Get("etoGridTotal"))
                    .Set(StandardMeasure.LoadKwhToday, Get("eloadToday") + Get("dailyNonCriticalEnergy"))
                    .Set(StandardMeasure.LoadKwhTotal, Get("eloadTotal") + Get("totalNonCriticalEnergy"))
                    .Set(Get("status") switch { 1 => Health.Healthy, 2 or 3 => Health.Faulty, _ => Health.Unknown });
                break;
            case AtessKind.Pbd:
                values.Set(StandardMeasure.PvKw, Get("ppv") ?? Sum(raw, "ppv1", "ppv2", "ppv3", "ppv4", "ppv5"))
                    .Set(StandardMeasure.PvKwhToday, Get("epvToday")).Set(StandardMeasure.PvKwhTotal, Get("epvTotal"))
                    .Set(StandardMeasure.Soc, Get("capacity"))
                    .Set(Get("status") switch { 1 => Health.Healthy, 2 or 3 => Health.Faulty, _ => Health.Unknown });
                break;
            case AtessKind.Bcu or AtessKind.Mbms:
                Battery(values, raw);
                // BMS status: 1 normal, 0 standby (its inverter is stopped): both are a working battery.
                values.Set(Get("status") is 0 or 1 ? Health.Healthy : Health.Unknown);
                break;
        }
        return values;
    }

    /// <summary>ATESS reports nothing for a plant itself: plant values are its devices'.</summary>
    public StandardValues Plant(IReadOnlyDictionary<string, double?> raw) => StandardValues.Empty;

    /// <summary>
    /// A device's day, read from its last upload of that plant-local day (the sync derives day reports from history):
    /// the day counters are the day's energies.
    /// </summary>
    public StandardValues DeviceReport(string vendorType, ReportPeriod period, IReadOnlyDictionary<string, double?> raw)
    {
        var day = Device(vendorType, raw);
        return new StandardValues()
            .Set(StandardMeasure.PvKwh, day[StandardMeasure.PvKwhToday])
            .Set(StandardMeasure.GridImportKwh, day[StandardMeasure.GridImportKwhToday])
            .Set(StandardMeasure.GridExportKwh, day[StandardMeasure.GridExportKwhToday])
            .Set(StandardMeasure.ChargeKwh, day[StandardMeasure.ChargeKwhToday])
            .Set(StandardMeasure.DischargeKwh, day[StandardMeasure.DischargeKwhToday])
            .Set(StandardMeasure.LoadKwh, day[StandardMeasure.LoadKwhToday]);
    }

    public StandardValues PlantReport(ReportPeriod period, IReadOnlyDictionary<string, double?> raw) => StandardValues.Empty;

    public IReadOnlyCollection<string> SeriesInputs(string vendorType) => AtessDeviceTypes.KindOf(vendorType) switch
    {
        AtessKind.Hps => ["ppv", "ppv1", "epvTotal", "pac", "capacity", "meterPower", "loadActivePower", "nonCriticalLoad"],
        AtessKind.Pcs => ["pac", "capacity", "meterPower", "loadActivePower", "nonCriticalLoad"],
        AtessKind.Pbd => ["ppv", "ppv1", "ppv2", "ppv3", "ppv4", "ppv5", "epvTotal", "capacity"],
        AtessKind.Bcu or AtessKind.Mbms => ["pac", "capacity"],
        _ => [],
    };

    /// <summary>Counters of the plant-local day ("D.…", "Daily.…": <c>…Today</c>, <c>daily…</c>, <c>outDaily…</c>), reset at midnight.</summary>
    public static bool IsDayCounter(string rawKey) =>
        rawKey.Contains("Today", StringComparison.Ordinal) || rawKey.StartsWith("daily", StringComparison.Ordinal) || rawKey.StartsWith("outDaily", StringComparison.Ordinal);

    /// <summary>Totals ("T.…", <c>…Total</c>, <c>total…</c>) only grow over a device's life.</summary>
    public bool IsLifetimeCounter(string rawKey) =>
        rawKey.StartsWith("total", StringComparison.Ordinal) || rawKey.Contains("Total", StringComparison.Ordinal);

    private static void Battery(StandardValues values, IReadOnlyDictionary<string, double?> raw) => values
        .Set(StandardMeasure.BatteryKw, 0 - raw.GetValueOrDefault("pac")) // 0 − x: no "−0 kW" when idle
        .Set(StandardMeasure.Soc, raw.GetValueOrDefault("capacity"))
        .Set(StandardMeasure.ChargeKwhToday, raw.GetValueOrDefault("echargeToday"))
        .Set(StandardMeasure.DischargeKwhToday, raw.GetValueOrDefault("edischargeToday"))
        .Set(StandardMeasure.ChargeKwhTotal, raw.GetValueOrDefault("ebatChargeTotal"))
        .Set(StandardMeasure.DischargeKwhTotal, raw.GetValueOrDefault("ebatDischargeTotal"));

    private static double? Sum(IReadOnlyDictionary<string, double?> raw, params string[] keys)
    {
        var present = keys.Select(k => raw.GetValueOrDefault(k)).Where(v => v is not null).ToList();
        return present.Count == 0 ? null : present.Sum();
    }
}
