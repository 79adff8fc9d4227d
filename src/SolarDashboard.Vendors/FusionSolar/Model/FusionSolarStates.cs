namespace SolarDashboard.Vendors.FusionSolar.Model;

/// <summary>The state texts of reference 5.1.2.2 (real-time device data) and Table 5-1.</summary>
public static class FusionSolarStates
{
    public static readonly IReadOnlyDictionary<int, string> Inverter = new Dictionary<int, string>
    {
        [0] = "Standby: initializing", [1] = "Standby: insulation resistance detecting", [2] = "Standby: irradiation detecting", [3] = "Standby: grid detecting",
        [256] = "Start", [512] = "Grid-connected", [513] = "Grid-connected: power limited", [514] = "Grid-connected: self-derating",
        [768] = "Shutdown: on fault", [769] = "Shutdown: on command", [770] = "Shutdown: OVGR", [771] = "Shutdown: communication interrupted",
        [772] = "Shutdown: power limited", [773] = "Shutdown: manual startup required", [774] = "Shutdown: DC switch disconnected",
        [1025] = "Grid scheduling: cosφ-P curve", [1026] = "Grid scheduling: Q-U curve", [1280] = "Ready for terminal test", [1281] = "Terminal testing…",
        [1536] = "Inspection in progress", [1792] = "AFCI self-check", [2048] = "I-V scanning", [2304] = "DC input detection",
        [40960] = "Standby: no irradiation", [45056] = "Communication interrupted (written by SmartLogger)", [49152] = "Loading… (written by SmartLogger)",
    };

    public static readonly IReadOnlyDictionary<int, string> Battery = new Dictionary<int, string>
    {
        [0] = "Offline", [1] = "Standby", [2] = "Running", [3] = "Faulty", [4] = "Hibernating",
    };

    public static readonly IReadOnlyDictionary<int, string> ChargeDischargeModes = new Dictionary<int, string>
    {
        [0] = "None", [1] = "Forced charge/discharge", [2] = "Time-of-use price", [3] = "Fixed charge/discharge", [4] = "Automatic charge/discharge",
        [5] = "Fully fed to grid", [6] = "TOU", [7] = "Remote scheduling: max. self-consumption", [8] = "Remote scheduling: fully fed to grid",
        [9] = "Remote scheduling: TOU", [10] = "EMMA",
    };

    public static readonly IReadOnlyDictionary<int, string> Connection = new Dictionary<int, string> { [0] = "Disconnected", [1] = "Connected" };

    public static readonly IReadOnlyDictionary<int, string> Meter = new Dictionary<int, string> { [0] = "Offline", [1] = "Normal" };

    /// <summary>real_health_state of plant real-time data (5.1.2.1).</summary>
    public static readonly IReadOnlyDictionary<int, string> PlantHealth = new Dictionary<int, string> { [1] = "Disconnected", [2] = "Faulty", [3] = "Healthy" };
}
