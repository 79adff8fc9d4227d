using System.Text.RegularExpressions;

namespace SolarDashboard.Components.Shared;

/// <summary>A KPI as shown: its group, the reference's name and unit, and its enum texts where it is a state.</summary>
public sealed record KpiInfo(string Key, string Group, string Name, string Unit, IReadOnlyDictionary<int, string>? States = null);

/// <summary>Names, units and state texts of reference 5.1.2.2 (real-time device data) and Table 5-1.</summary>
public static partial class KpiCatalog
{
    public static readonly IReadOnlyDictionary<int, string> InverterStates = new Dictionary<int, string>
    {
        [0] = "Standby: initializing", [1] = "Standby: insulation resistance detecting", [2] = "Standby: irradiation detecting", [3] = "Standby: grid detecting",
        [256] = "Start", [512] = "Grid-connected", [513] = "Grid-connected: power limited", [514] = "Grid-connected: self-derating",
        [768] = "Shutdown: on fault", [769] = "Shutdown: on command", [770] = "Shutdown: OVGR", [771] = "Shutdown: communication interrupted",
        [772] = "Shutdown: power limited", [773] = "Shutdown: manual startup required", [774] = "Shutdown: DC switch disconnected",
        [1025] = "Grid scheduling: cosφ-P curve", [1026] = "Grid scheduling: Q-U curve", [1280] = "Ready for terminal test", [1281] = "Terminal testing…",
        [1536] = "Inspection in progress", [1792] = "AFCI self-check", [2048] = "I-V scanning", [2304] = "DC input detection",
        [40960] = "Standby: no irradiation", [45056] = "Communication interrupted (written by SmartLogger)", [49152] = "Loading… (written by SmartLogger)",
    };

    public static readonly IReadOnlyDictionary<int, string> BatteryStates = new Dictionary<int, string>
    {
        [0] = "Offline", [1] = "Standby", [2] = "Running", [3] = "Faulty", [4] = "Hibernating",
    };

    public static readonly IReadOnlyDictionary<int, string> ChargeDischargeModes = new Dictionary<int, string>
    {
        [0] = "None", [1] = "Forced charge/discharge", [2] = "Time-of-use price", [3] = "Fixed charge/discharge", [4] = "Automatic charge/discharge",
        [5] = "Fully fed to grid", [6] = "TOU", [7] = "Remote scheduling: max. self-consumption", [8] = "Remote scheduling: fully fed to grid",
        [9] = "Remote scheduling: TOU", [10] = "EMMA",
    };

    private static readonly Dictionary<int, string> Connected = new() { [0] = "Disconnected", [1] = "Connected" };

    private static readonly KpiInfo[] Known =
    [
        new("inverter_state", "Status", "Inverter state", "", InverterStates),
        new("run_state", "Status", "State", "", Connected),
        new("battery_status", "Status", "Battery running state", "", BatteryStates),
        new("ch_discharge_model", "Status", "Charge/discharge mode", "", ChargeDischargeModes),
        new("meter_status", "Status", "Meter state", "", new Dictionary<int, string> { [0] = "Offline", [1] = "Normal" }),
        new("active_power", "AC", "Active power", "kW"),
        new("reactive_power", "AC", "Reactive power", "kVar"),
        new("power_factor", "AC", "Power factor", ""),
        new("elec_freq", "AC", "Grid frequency", "Hz"),
        new("grid_frequency", "AC", "Grid frequency", "Hz"),
        new("efficiency", "AC", "Conversion efficiency", "%"),
        new("a_u", "AC", "Phase A voltage", "V"), new("b_u", "AC", "Phase B voltage", "V"), new("c_u", "AC", "Phase C voltage", "V"),
        new("ab_u", "AC", "A-B line voltage", "V"), new("bc_u", "AC", "B-C line voltage", "V"), new("ca_u", "AC", "C-A line voltage", "V"),
        new("a_i", "AC", "Phase A current", "A"), new("b_i", "AC", "Phase B current", "A"), new("c_i", "AC", "Phase C current", "A"),
        new("meter_u", "AC", "Phase A voltage", "V"), new("meter_i", "AC", "Phase A current", "A"),
        new("active_power_a", "AC", "Active power PA", "kW"), new("active_power_b", "AC", "Active power PB", "kW"), new("active_power_c", "AC", "Active power PC", "kW"),
        new("total_apparent_power", "AC", "Total apparent power", "kVA"),
        new("mppt_power", "DC / strings", "MPPT total input power", "kW"),
        new("battery_soc", "Battery", "State of charge", "%"),
        new("battery_soh", "Battery", "State of health", ""),
        new("ch_discharge_power", "Battery", "Charge/discharge power", "W"),
        new("max_charge_power", "Battery", "Maximum charge power", "W"),
        new("max_discharge_power", "Battery", "Maximum discharge power", "W"),
        new("busbar_u", "Battery", "Battery voltage", "V"),
        new("temperature", "Temperatures", "Internal temperature", "°C"),
        new("pv_temperature", "Temperatures", "PV temperature", "°C"),
        new("wind_speed", "Environment", "Wind speed", "m/s"), new("wind_direction", "Environment", "Wind direction", "°"),
        new("radiant_line", "Environment", "Irradiance", "W/m²"), new("radiant_total", "Environment", "Daily irradiation", "MJ/m²"),
        new("day_cap", "Energy counters", "Yield today", "kWh"),
        new("total_cap", "Energy counters", "Total yield", "kWh"),
        new("mppt_total_cap", "Energy counters", "Total DC input energy", "kWh"),
        new("active_cap", "Energy counters", "Positive active energy (feed-in)", "kWh"),
        new("reverse_active_cap", "Energy counters", "Negative active energy (import)", "kWh"),
        new("forward_reactive_cap", "Energy counters", "Positive reactive energy", "kWh"),
        new("reverse_reactive_cap", "Energy counters", "Negative reactive energy", "kWh"),
        new("charge_cap", "Energy counters", "Charged energy", "kWh"),
        new("discharge_cap", "Energy counters", "Discharged energy", "kWh"),
        new("open_time", "Status", "Startup time", "ms"), new("close_time", "Status", "Shutdown time", "ms"),
    ];

    private static readonly Dictionary<string, KpiInfo> ByKey = Known.ToDictionary(k => k.Key);

    public static readonly IReadOnlyList<string> GroupOrder = ["Status", "AC", "DC / strings", "Battery", "Temperatures", "Environment", "Energy counters", "Other"];

    /// <summary>As <see cref="For(string)"/>, with the units that differ by device type (power sensors report W and Var).</summary>
    public static KpiInfo For(string key, int deviceTypeId) => (deviceTypeId, key) switch
    {
        (47, "active_power") => For(key) with { Unit = "W" },
        (47, "reactive_power") => For(key) with { Unit = "Var" },
        _ => For(key),
    };

    /// <summary>A KPI's display info; string inputs (pv3_u, mppt_2_cap) are named by pattern; unknown keys are kept under "Other".</summary>
    public static KpiInfo For(string key)
    {
        if (ByKey.TryGetValue(key, out var known)) return known;
        if (StringPattern().Match(key) is { Success: true } m)
            return new(key, "DC / strings", $"PV{m.Groups[1].Value} input {(m.Groups[2].Value == "u" ? "voltage" : "current")}", m.Groups[2].Value == "u" ? "V" : "A");
        if (MpptPattern().Match(key) is { Success: true } mp) return new(key, "Energy counters", $"MPPT {mp.Groups[1].Value} DC total yield", "kWh");
        return new(key, "Other", key, "");
    }

    /// <summary>The value as text: state names for enum KPIs, the number with its unit otherwise, "—" when missing.</summary>
    public static string Text(string key, double? value, int deviceTypeId = 0)
    {
        var info = For(key, deviceTypeId);
        if (value is not { } v) return Format.Missing;
        if (info.States is { } states) return states.TryGetValue((int)v, out var name) ? name : $"Unknown state {v:0}";
        if (info.Unit == "ms") return DateTimeOffset.FromUnixTimeMilliseconds((long)v).ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        return Format.Number(v, Math.Abs(v) >= 100 ? 1 : 2, info.Unit);
    }

    [GeneratedRegex(@"^pv(\d+)_(u|i)$")]
    private static partial Regex StringPattern();

    [GeneratedRegex(@"^mppt_(\d+)_cap$")]
    private static partial Regex MpptPattern();
}
