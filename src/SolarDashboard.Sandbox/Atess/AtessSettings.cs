using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// The writable settings per device family (our choice: the reference names none; the field notes list what ATESS's
/// Modbus protocol lets one set), their ranges, and how a system's settings become its physics. ASSUMPTIONS.md tells
/// each one's meaning and effect.
/// </summary>
internal static class AtessSettings
{
    private static SettingDef S(string key, string unit, bool integer, Func<SystemSpec, double> min, Func<SystemSpec, double> max, Func<SystemSpec, double> def) =>
        new(key, unit, integer, min, max, def);

    private static readonly SettingDef[] Inverter =
    [
        S("onOff", "", true, _ => 0, _ => 1, _ => 1), // 0 stops the inverter
        S("parallelNum", "", true, _ => 1, _ => 10, s => s.ParallelUnits), // not the installed count: parallel fault
        S("chargeCutoffSoc", "%", true, _ => 50, _ => 100, _ => 100),
        S("dischargeCutoffSoc", "%", true, _ => 5, _ => 50, s => s.OffGrid ? 20 : 10),
        S("maxChargePower", "kW", false, _ => 0, s => s.RatedKw, s => s.RatedKw),
        S("maxDischargePower", "kW", false, _ => 0, s => s.RatedKw, s => s.RatedKw),
        S("loadPowerLimit", "kW", false, s => Math.Round(s.RatedKw * 0.1, 1), s => s.RatedKw, s => s.RatedKw), // inverter output cap
        S("cpPowerLimit", "kW", false, _ => 0, s => s.RatedKw * 2, _ => 0), // grid import cap, 0 = off
        S("gridChargeEnable", "", true, _ => 0, _ => 1, _ => 0),
        S("gridChargeStartSoc", "%", true, _ => 5, _ => 95, _ => 20), // "SOC start"
        S("gridChargeStopSoc", "%", true, _ => 10, _ => 100, _ => 50),
        S("gridChargePower", "kW", false, _ => 0, s => s.RatedKw, s => Math.Round(s.RatedKw * 0.3)),
    ];

    private static readonly SettingDef[] Generator =
    [
        S("genEnable", "", true, _ => 0, _ => 1, s => s.OffGrid && s.GeneratorKw > 0 ? 1 : 0),
        S("genStartSoc", "%", true, _ => 5, _ => 80, _ => 30),
        S("genStopSoc", "%", true, _ => 10, _ => 100, _ => 80),
        S("genMaxPower", "kW", false, _ => 0, s => s.RatedKw, s => Math.Min(s.GeneratorKw, s.RatedKw)),
    ];

    private static readonly SettingDef[] Pbd =
    [
        S("onOff", "", true, _ => 0, _ => 1, _ => 1),
        S("parallelNum", "", true, _ => 1, _ => 10, _ => 1),
        S("maxChargeCurr", "A", false, _ => 0, _ => 400, _ => 400), // × nominal battery volts caps charging
    ];

    private static SettingDef[] Bms(bool master) =>
    [
        S("cellVoltHighLimit", "V", false, _ => 3.40, _ => 3.65, _ => 3.60),
        S("cellVoltLowLimit", "V", false, _ => 2.50, _ => 3.10, _ => 2.80),
        S("chargeTempHigh", "°C", false, _ => 30, _ => 60, _ => 55),
        S("chargeTempLow", "°C", false, _ => -10, _ => 15, _ => 0),
        S("dischargeTempHigh", "°C", false, _ => 35, _ => 65, _ => 60),
        S("dischargeTempLow", "°C", false, _ => -30, _ => 10, _ => -20),
        // A rack (BCU) up to 1 C of its cells; the master (MBMS) up to 1 C of the whole battery.
        S("maxChargeCurr", "A", false, _ => 0, s => OneC(s, master), s => OneC(s, master)),
        S("maxDischargeCurr", "A", false, _ => 0, s => OneC(s, master), s => OneC(s, master)),
    ];

    private static double OneC(SystemSpec s, bool master) => s.Battery.CellAh * (master ? s.Battery.Racks : 1);

    private static readonly SettingDef[] Hps = [.. Inverter, .. Generator];
    private static readonly SettingDef[] Bcu = Bms(false);
    private static readonly SettingDef[] Mbms = Bms(true);

    public static IReadOnlyList<SettingDef> For(AtessFamily family) => family switch
    {
        AtessFamily.HpsCentral or AtessFamily.HpsString => Hps,
        AtessFamily.Pcs => Inverter,
        AtessFamily.Pbd => Pbd,
        AtessFamily.Bcu => Bcu,
        _ => Mbms,
    };

    public static Dictionary<string, double> Defaults(AtessFamily family, SystemSpec system) =>
        For(family).ToDictionary(d => d.Key, d => Round(d, d.Default(system)));

    /// <summary>Checks a change against the ranges and the rules between settings; null when it may be applied.</summary>
    public static SettingError? Validate(AtessFamily family, SystemSpec system, IReadOnlyDictionary<string, double> current, IReadOnlyDictionary<string, double> changes)
    {
        var defs = For(family).ToDictionary(d => d.Key);
        foreach (var (key, value) in changes)
        {
            if (!defs.TryGetValue(key, out var def)) return new("unknownSetting", key);
            if (double.IsNaN(value) || double.IsInfinity(value)) return new("notANumber", key);
            if (def.Integer && value != Math.Floor(value)) return new("notAnInteger", key);
            var (min, max) = (Round(def, def.Min(system)), Round(def, def.Max(system)));
            if (value < min - 1e-9 || value > max + 1e-9) return new("outOfRange", key, Show(min), Show(max), Show(value));
        }
        var after = new Dictionary<string, double>(current);
        foreach (var (key, value) in changes) after[key] = value;
        if (Above(after, "gridChargeStopSoc", "gridChargeStartSoc") is { } e1) return e1;
        if (Above(after, "genStopSoc", "genStartSoc") is { } e2) return e2;
        if (Above(after, "chargeCutoffSoc", "dischargeCutoffSoc") is { } e3) return e3;
        if (Above(after, "chargeTempHigh", "chargeTempLow") is { } e4) return e4;
        if (Above(after, "dischargeTempHigh", "dischargeTempLow") is { } e5) return e5;
        if (Above(after, "cellVoltHighLimit", "cellVoltLowLimit") is { } e6) return e6;
        if (changes.TryGetValue("genEnable", out var gen) && gen == 1 && system.GeneratorKw <= 0) return new("noGenerator");
        return null;
    }

    public static double Round(SettingDef def, double value) => def.Integer ? Math.Round(value) : Math.Round(value, def.Unit == "V" ? 2 : 1);

    /// <summary>The physics of a system from the settings of all its devices (keyed by serial number).</summary>
    public static ControlState Compose(SystemSpec spec, IReadOnlyDictionary<string, (AtessFamily Family, IReadOnlyDictionary<string, double> Settings)> devices)
    {
        var inverter = devices.Values.FirstOrDefault(d => d.Family is AtessFamily.HpsCentral or AtessFamily.HpsString or AtessFamily.Pcs).Settings;
        var pbd = devices.Values.FirstOrDefault(d => d.Family == AtessFamily.Pbd).Settings;
        var racks = devices.Values.Where(d => d.Family == AtessFamily.Bcu).Select(d => d.Settings).ToList();
        var master = devices.Values.FirstOrDefault(d => d.Family == AtessFamily.Mbms).Settings;
        var bms = racks.Concat(master is null ? [] : [master]).ToList();
        var isHps = devices.Values.Any(d => d.Family is AtessFamily.HpsCentral or AtessFamily.HpsString);
        var vnom = spec.Battery.NominalVolts;

        double Get(IReadOnlyDictionary<string, double>? s, string key, double fallback) => s is not null && s.TryGetValue(key, out var v) ? v : fallback;

        var maxCharge = Math.Min(spec.BatteryMaxKw, Get(inverter, "maxChargePower", spec.BatteryMaxKw));
        var maxDischarge = Math.Min(spec.BatteryMaxKw, Get(inverter, "maxDischargePower", spec.BatteryMaxKw));
        if (pbd is not null) maxCharge = Math.Min(maxCharge, pbd["maxChargeCurr"] * vnom / 1000);
        if (bms.Count > 0)
        {
            var chargeAmps = Math.Min(Get(master, "maxChargeCurr", double.MaxValue), racks.Count > 0 ? racks.Sum(r => r["maxChargeCurr"]) : double.MaxValue);
            var dischargeAmps = Math.Min(Get(master, "maxDischargeCurr", double.MaxValue), racks.Count > 0 ? racks.Sum(r => r["maxDischargeCurr"]) : double.MaxValue);
            maxCharge = Math.Min(maxCharge, chargeAmps * vnom / 1000);
            maxDischarge = Math.Min(maxDischarge, dischargeAmps * vnom / 1000);
        }

        var endOfCharge = Get(inverter, "chargeCutoffSoc", 100);
        var endOfDischarge = Get(inverter, "dischargeCutoffSoc", 10);
        (double, double)? chargeWindow = null, dischargeWindow = null;
        if (bms.Count > 0)
        {
            endOfCharge = Math.Min(endOfCharge, BatteryCells.SocCapForHighLimit(spec.Battery, bms.Min(b => b["cellVoltHighLimit"]), maxCharge));
            endOfDischarge = Math.Max(endOfDischarge, BatteryCells.SocFloorForLowLimit(spec.Battery, bms.Max(b => b["cellVoltLowLimit"]), maxDischarge));
            chargeWindow = (bms.Max(b => b["chargeTempLow"]), bms.Min(b => b["chargeTempHigh"]));
            dischargeWindow = (bms.Max(b => b["dischargeTempLow"]), bms.Min(b => b["dischargeTempHigh"]));
        }
        endOfDischarge = Math.Min(endOfDischarge, endOfCharge - 1);

        var halted = inverter is not null && (inverter["onOff"] == 0 || (int)inverter["parallelNum"] != spec.ParallelUnits);
        var pvOff = pbd is not null && (pbd["onOff"] == 0 || (int)pbd["parallelNum"] != 1);
        var loadLimit = Get(inverter, "loadPowerLimit", spec.RatedKw);
        var compensation = Get(inverter, "cpPowerLimit", 0);
        var rules = new SiteRules
        {
            Halted = halted,
            PvOff = pvOff,
            OffGrid = spec.OffGrid,
            OutputLimitKw = loadLimit < spec.RatedKw ? loadLimit : null,
            GridImportLimitKw = compensation > 0 ? compensation : null,
            GridCharge = Get(inverter, "gridChargeEnable", 0) == 1
                ? new SiteRules.Hysteresis(inverter!["gridChargeStartSoc"], inverter["gridChargeStopSoc"], inverter["gridChargePower"]) : null,
            Generator = isHps && spec.GeneratorKw > 0 && Get(inverter, "genEnable", 0) == 1
                ? new SiteRules.Hysteresis(inverter!["genStartSoc"], inverter["genStopSoc"], Math.Min(inverter["genMaxPower"], spec.GeneratorKw)) : null,
            ChargeTemperature = chargeWindow,
            DischargeTemperature = dischargeWindow,
            VendorState = devices.ToDictionary(d => d.Key, d => d.Value.Settings),
        };
        return new ControlState(WorkingMode.Default, new BatteryLimits(endOfCharge, endOfDischarge, maxCharge, maxDischarge), FeedInLimit.Unlimited, null)
        {
            Site = rules,
        };
    }

    private static SettingError? Above(IReadOnlyDictionary<string, double> s, string high, string low) =>
        s.TryGetValue(high, out var h) && s.TryGetValue(low, out var l) && h <= l ? new SettingError("mustBeAbove", high, low) : null;

    private static string Show(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
