namespace SolarDashboard.Sandbox.Simulation;

/// <summary>The dataItemMap keys of reference 5.1.2.2 (real-time) and 5.1.2.3 (5-minute history), per device type.</summary>
public static class KpiCatalog
{
    private static readonly string[] GridAc = ["ab_u", "bc_u", "ca_u", "a_u", "b_u", "c_u", "a_i", "b_i", "c_i"];
    private static readonly string[] InverterCore = ["inverter_state", .. GridAc, "efficiency", "temperature", "power_factor", "elec_freq", "active_power", "reactive_power", "day_cap", "mppt_power"];

    private static readonly string[] MeterTariffKeys =
    [
        "reverse_active_peak", "reverse_active_power", "reverse_active_valley", "reverse_active_top",
        "positive_active_peak", "positive_active_power", "positive_active_valley", "positive_active_top",
        "reverse_reactive_peak", "reverse_reactive_power", "reverse_reactive_valley", "reverse_reactive_top",
        "positive_reactive_peak", "positive_reactive_power", "positive_reactive_valley", "positive_reactive_top",
    ];

    public static readonly IReadOnlyList<string> StringInverter =
    [
        .. InverterCore,
        .. Enumerable.Range(1, 28).Select(i => $"pv{i}_u"), .. Enumerable.Range(1, 28).Select(i => $"pv{i}_i"),
        "total_cap", "open_time", "close_time", "mppt_total_cap", .. Enumerable.Range(1, 10).Select(i => $"mppt_{i}_cap"), "run_state",
    ];

    public static readonly IReadOnlyList<string> ResidentialInverter =
    [
        .. InverterCore,
        .. Enumerable.Range(1, 8).Select(i => $"pv{i}_u"), .. Enumerable.Range(1, 8).Select(i => $"pv{i}_i"),
        "total_cap", "open_time", "close_time", .. Enumerable.Range(1, 4).Select(i => $"mppt_{i}_cap"), "run_state",
    ];

    public static readonly IReadOnlyList<string> Emi =
        ["temperature", "pv_temperature", "wind_speed", "wind_direction", "radiant_total", "radiant_line", "horiz_radiant_line", "horiz_radiant_total", "run_state"];

    public static readonly IReadOnlyList<string> GridMeter =
    [
        .. GridAc, "active_power", "power_factor", "active_cap", "reactive_power", "reverse_active_cap", "forward_reactive_cap",
        "reverse_reactive_cap", "active_power_a", "active_power_b", "active_power_c", "reactive_power_a", "reactive_power_b",
        "reactive_power_c", "total_apparent_power", "grid_frequency", .. MeterTariffKeys,
    ];

    public static readonly IReadOnlyList<string> PowerSensor =
    [
        "meter_status", "meter_u", "meter_i", "active_power", "reactive_power", "power_factor", "grid_frequency", "active_cap",
        "reverse_active_cap", "run_state", "ab_u", "bc_u", "ca_u", "b_u", "c_u", "b_i", "c_i", "forward_reactive_cap",
        "reverse_reactive_cap", "active_power_a", "active_power_b", "active_power_c", "reactive_power_a", "reactive_power_b",
        "reactive_power_c", "total_apparent_power", .. MeterTariffKeys,
    ];

    public static readonly IReadOnlyList<string> Battery =
        ["battery_status", "max_charge_power", "max_discharge_power", "ch_discharge_power", "busbar_u", "battery_soc", "battery_soh", "ch_discharge_model", "charge_cap", "discharge_cap", "run_state"];

    public static readonly IReadOnlyList<string> Ess = ["ch_discharge_power", "battery_soc", "battery_soh", "charge_cap", "discharge_cap", "run_state"];

    /// <summary>Fields the reference marks "Invalid field. The default value is null."</summary>
    public static readonly IReadOnlySet<string> AlwaysNull = new HashSet<string>(
        [
            "horiz_radiant_line", "horiz_radiant_total", "reactive_power_a", "reactive_power_b", "reactive_power_c", .. MeterTariffKeys,
        ]);

    /// <summary>Device types the real-time and history APIs accept (reference 5.1.2.2/5.1.2.3; Power-M types are not simulated).</summary>
    public static readonly IReadOnlySet<int> RealTimeTypes = new HashSet<int> { 1, 10, 17, 38, 39, 41, 47, 60001, 60003, 60043, 60044, 60092, 60014, 60010 };

    public static readonly IReadOnlySet<int> HistoryTypes = new HashSet<int> { 1, 10, 17, 38, 39, 41, 47, 60001, 60003, 60043, 60014, 60010 };

    /// <summary>Device types of the day/month/year device reports (5.1.4.5–5.1.4.7).</summary>
    public static readonly IReadOnlySet<int> ReportTypes = new HashSet<int> { 1, 38, 39, 41 };

    public static IReadOnlyList<string> KeysFor(int devTypeId) => devTypeId switch
    {
        DevType.StringInverter => StringInverter,
        DevType.ResidentialInverter => ResidentialInverter,
        DevType.Emi => Emi,
        DevType.GridMeter => GridMeter,
        DevType.PowerSensor => PowerSensor,
        DevType.Battery => Battery,
        DevType.Ess => Ess,
        _ => [],
    };
}
