namespace SolarDashboard.Core.Measures;

/// <summary>
/// One value of the vendor-neutral model, with a fixed key, unit and sign. Every vendor's mapping produces these at ingest
/// (<see cref="IMeasureMapping"/>); totals, the energy flow, charts, stale marks and ratios read only these. The keys are
/// stored as JSON beside the raw values, and the power and SOC series under <see cref="SeriesName"/> in the packed store.
/// </summary>
public sealed record StandardMeasure(string Key, string Label, string Unit, MeasureKind Kind, MeasureSubject Subject, string? Sign = null)
{
    public static readonly StandardMeasure PvKw = new("pv_kw", "PV power", "kW", MeasureKind.Power, MeasureSubject.Pv);
    public static readonly StandardMeasure BatteryKw = new("battery_kw", "Battery power", "kW", MeasureKind.Power, MeasureSubject.Battery, "+ charging");
    public static readonly StandardMeasure GridKw = new("grid_kw", "Grid power", "kW", MeasureKind.Power, MeasureSubject.Grid, "+ importing");
    public static readonly StandardMeasure LoadKw = new("load_kw", "Consumption", "kW", MeasureKind.Power, MeasureSubject.Load);
    public static readonly StandardMeasure Soc = new("soc", "Battery state of charge", "%", MeasureKind.StateOfCharge, MeasureSubject.Battery);

    public static readonly StandardMeasure PvKwhToday = new("pv_kwh_day", "PV yield today", "kWh", MeasureKind.EnergyToday, MeasureSubject.Pv);
    public static readonly StandardMeasure GridImportKwhToday = new("grid_import_kwh_day", "From grid today", "kWh", MeasureKind.EnergyToday, MeasureSubject.Grid);
    public static readonly StandardMeasure GridExportKwhToday = new("grid_export_kwh_day", "To grid today", "kWh", MeasureKind.EnergyToday, MeasureSubject.Grid);
    public static readonly StandardMeasure ChargeKwhToday = new("battery_charge_kwh_day", "Charged today", "kWh", MeasureKind.EnergyToday, MeasureSubject.Battery);
    public static readonly StandardMeasure DischargeKwhToday = new("battery_discharge_kwh_day", "Discharged today", "kWh", MeasureKind.EnergyToday, MeasureSubject.Battery);
    public static readonly StandardMeasure LoadKwhToday = new("load_kwh_day", "Consumption today", "kWh", MeasureKind.EnergyToday, MeasureSubject.Load);

    public static readonly StandardMeasure PvKwhTotal = new("pv_kwh_total", "PV yield, lifetime", "kWh", MeasureKind.EnergyLifetime, MeasureSubject.Pv);
    public static readonly StandardMeasure GridImportKwhTotal = new("grid_import_kwh_total", "From grid, lifetime", "kWh", MeasureKind.EnergyLifetime, MeasureSubject.Grid);
    public static readonly StandardMeasure GridExportKwhTotal = new("grid_export_kwh_total", "To grid, lifetime", "kWh", MeasureKind.EnergyLifetime, MeasureSubject.Grid);
    public static readonly StandardMeasure ChargeKwhTotal = new("battery_charge_kwh_total", "Charged, lifetime", "kWh", MeasureKind.EnergyLifetime, MeasureSubject.Battery);
    public static readonly StandardMeasure DischargeKwhTotal = new("battery_discharge_kwh_total", "Discharged, lifetime", "kWh", MeasureKind.EnergyLifetime, MeasureSubject.Battery);
    public static readonly StandardMeasure LoadKwhTotal = new("load_kwh_total", "Consumption, lifetime", "kWh", MeasureKind.EnergyLifetime, MeasureSubject.Load);

    public static readonly StandardMeasure HealthState = new("health", "Health", "", MeasureKind.Health, MeasureSubject.Plant);

    // Energy within a report's period: what period reports (hour, day, month, year) carry.
    public static readonly StandardMeasure PvKwh = new("pv_kwh", "PV yield", "kWh", MeasureKind.EnergyInPeriod, MeasureSubject.Pv);
    public static readonly StandardMeasure GridExportKwh = new("grid_export_kwh", "To grid", "kWh", MeasureKind.EnergyInPeriod, MeasureSubject.Grid);
    public static readonly StandardMeasure GridImportKwh = new("grid_import_kwh", "From grid", "kWh", MeasureKind.EnergyInPeriod, MeasureSubject.Grid);
    public static readonly StandardMeasure LoadKwh = new("load_kwh", "Consumption", "kWh", MeasureKind.EnergyInPeriod, MeasureSubject.Load);
    public static readonly StandardMeasure ChargeKwh = new("battery_charge_kwh", "Charged", "kWh", MeasureKind.EnergyInPeriod, MeasureSubject.Battery);
    public static readonly StandardMeasure DischargeKwh = new("battery_discharge_kwh", "Discharged", "kWh", MeasureKind.EnergyInPeriod, MeasureSubject.Battery);

    /// <summary>Real-time measures: what latest values of plants and devices carry.</summary>
    public static readonly IReadOnlyList<StandardMeasure> RealTime =
    [
        PvKw, BatteryKw, GridKw, LoadKw, Soc,
        PvKwhToday, GridImportKwhToday, GridExportKwhToday, ChargeKwhToday, DischargeKwhToday, LoadKwhToday,
        PvKwhTotal, GridImportKwhTotal, GridExportKwhTotal, ChargeKwhTotal, DischargeKwhTotal, LoadKwhTotal,
        HealthState,
    ];

    /// <summary>What 5-minute series keep beside the raw values: today's curves and device charts for any vendor.</summary>
    public static readonly IReadOnlyList<StandardMeasure> Series = [PvKw, BatteryKw, GridKw, LoadKw, Soc];

    /// <summary>What 5-minute series store: the charts' measures and the lifetime PV yield (REDEX reads it at each day's end).</summary>
    public static readonly IReadOnlyList<StandardMeasure> StoredSeries = [.. Series, PvKwhTotal];

    /// <summary>Energy per report period, in the order pages show it.</summary>
    public static readonly IReadOnlyList<StandardMeasure> PeriodEnergy = [PvKwh, GridExportKwh, GridImportKwh, LoadKwh, ChargeKwh, DischargeKwh];

    public static readonly IReadOnlyList<StandardMeasure> All = [.. RealTime, .. PeriodEnergy];

    private static readonly Dictionary<string, StandardMeasure> ByKey = All.ToDictionary(m => m.Key, StringComparer.Ordinal);

    /// <summary>Reserved series name prefix: no vendor key starts with it, so standard and raw series share one store.</summary>
    public const string SeriesPrefix = "std:";

    /// <summary>This measure's name in the 5-minute series store.</summary>
    public string SeriesName => SeriesPrefix + Key;

    public static StandardMeasure? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The standard measure a series name stands for, or null for a vendor's raw key.</summary>
    public static StandardMeasure? FromSeriesName(string name) =>
        name.StartsWith(SeriesPrefix, StringComparison.Ordinal) ? Find(name[SeriesPrefix.Length..]) : null;
}
