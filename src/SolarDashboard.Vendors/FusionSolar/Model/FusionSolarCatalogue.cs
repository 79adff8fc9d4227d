using System.Globalization;
using System.Text.RegularExpressions;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.RawValues;

namespace SolarDashboard.Vendors.FusionSolar.Model;

/// <summary>
/// FusionSolar's raw keys with the reference's names, units and state texts (5.1.2.1 plant and 5.1.2.2 device real-time
/// data, Table 5-1), grouped for the device page. String inputs (pv3_u, mppt_2_cap) are named by pattern.
/// </summary>
public sealed partial class FusionSolarCatalogue : IRawValueCatalogue
{
    private sealed record Entry(string Group, string Label, string Unit, IReadOnlyDictionary<int, string>? States = null);

    private static readonly Dictionary<string, Entry> Device = new(StringComparer.Ordinal)
    {
        ["inverter_state"] = new("Status", "Inverter state", "", FusionSolarStates.Inverter),
        ["run_state"] = new("Status", "State", "", FusionSolarStates.Connection),
        ["battery_status"] = new("Status", "Battery running state", "", FusionSolarStates.Battery),
        ["ch_discharge_model"] = new("Status", "Charge/discharge mode", "", FusionSolarStates.ChargeDischargeModes),
        ["meter_status"] = new("Status", "Meter state", "", FusionSolarStates.Meter),
        ["open_time"] = new("Status", "Startup time", "ms"),
        ["close_time"] = new("Status", "Shutdown time", "ms"),
        ["active_power"] = new("AC", "Active power", "kW"),
        ["reactive_power"] = new("AC", "Reactive power", "kVar"),
        ["power_factor"] = new("AC", "Power factor", ""),
        ["elec_freq"] = new("AC", "Grid frequency", "Hz"),
        ["grid_frequency"] = new("AC", "Grid frequency", "Hz"),
        ["efficiency"] = new("AC", "Conversion efficiency", "%"),
        ["a_u"] = new("AC", "Phase A voltage", "V"), ["b_u"] = new("AC", "Phase B voltage", "V"), ["c_u"] = new("AC", "Phase C voltage", "V"),
        ["ab_u"] = new("AC", "A-B line voltage", "V"), ["bc_u"] = new("AC", "B-C line voltage", "V"), ["ca_u"] = new("AC", "C-A line voltage", "V"),
        ["a_i"] = new("AC", "Phase A current", "A"), ["b_i"] = new("AC", "Phase B current", "A"), ["c_i"] = new("AC", "Phase C current", "A"),
        ["meter_u"] = new("AC", "Phase A voltage", "V"), ["meter_i"] = new("AC", "Phase A current", "A"),
        ["active_power_a"] = new("AC", "Active power PA", "kW"), ["active_power_b"] = new("AC", "Active power PB", "kW"), ["active_power_c"] = new("AC", "Active power PC", "kW"),
        ["total_apparent_power"] = new("AC", "Total apparent power", "kVA"),
        ["mppt_power"] = new("DC / strings", "MPPT total input power", "kW"),
        ["battery_soc"] = new("Battery", "State of charge", "%"),
        ["battery_soh"] = new("Battery", "State of health", ""),
        ["ch_discharge_power"] = new("Battery", "Charge/discharge power", "W"),
        ["max_charge_power"] = new("Battery", "Maximum charge power", "W"),
        ["max_discharge_power"] = new("Battery", "Maximum discharge power", "W"),
        ["busbar_u"] = new("Battery", "Battery voltage", "V"),
        ["temperature"] = new("Temperatures", "Internal temperature", "°C"),
        ["pv_temperature"] = new("Temperatures", "PV temperature", "°C"),
        ["wind_speed"] = new("Environment", "Wind speed", "m/s"), ["wind_direction"] = new("Environment", "Wind direction", "°"),
        ["radiant_line"] = new("Environment", "Irradiance", "W/m²"), ["radiant_total"] = new("Environment", "Daily irradiation", "MJ/m²"),
        ["day_cap"] = new("Energy counters", "Yield today", "kWh"),
        ["total_cap"] = new("Energy counters", "Total yield", "kWh"),
        ["mppt_total_cap"] = new("Energy counters", "Total DC input energy", "kWh"),
        ["active_cap"] = new("Energy counters", "Positive active energy (feed-in)", "kWh"),
        ["reverse_active_cap"] = new("Energy counters", "Negative active energy (import)", "kWh"),
        ["forward_reactive_cap"] = new("Energy counters", "Positive reactive energy", "kWh"),
        ["reverse_reactive_cap"] = new("Energy counters", "Negative reactive energy", "kWh"),
        ["charge_cap"] = new("Energy counters", "Charged energy", "kWh"),
        ["discharge_cap"] = new("Energy counters", "Discharged energy", "kWh"),
    };

    private static readonly Dictionary<string, Entry> Plant = new(StringComparer.Ordinal)
    {
        ["day_power"] = new("Yield", "Yield today", "kWh"),
        ["month_power"] = new("Yield", "Yield this month", "kWh"),
        ["total_power"] = new("Yield", "Total yield", "kWh"),
        // The currency is the one set in the management system; the answer does not say which.
        ["day_income"] = new("Revenue", "Revenue today", ""),
        ["total_income"] = new("Revenue", "Total revenue", ""),
        ["real_health_state"] = new("Status", "Plant health", "", FusionSolarStates.PlantHealth),
    };

    public Vendor Vendor => Vendor.FusionSolar;

    public string VendorName => "FusionSolar";

    public IReadOnlyList<string> GroupOrder { get; } = ["Status", "Yield", "Revenue", "AC", "DC / strings", "Battery", "Temperatures", "Environment", "Energy counters"];

    public IReadOnlyList<string> PreferredChartKeys { get; } = ["active_power", "battery_soc", "ch_discharge_power", "radiant_line"];

    public string DeviceTypeName(string vendorType) => FusionSolarDeviceTypes.Name(FusionSolarDeviceTypes.Parse(vendorType));

    public RawValueInfo Describe(string? vendorType, string key)
    {
        if (vendorType is null)
            return Plant.TryGetValue(key, out var plant) ? Info(key, plant) : RawValueInfo.Unknown(key);
        if (Device.TryGetValue(key, out var known))
        {
            var info = Info(key, known);
            // Power sensors report in W and Var where the other devices report kW and kVar (5.1.2.2).
            return FusionSolarDeviceTypes.Parse(vendorType) == FusionSolarDeviceTypes.PowerSensor && key is "active_power" or "reactive_power"
                ? info with { Unit = key == "active_power" ? "W" : "Var" } : info;
        }
        if (StringPattern().Match(key) is { Success: true } m)
            return new(key, "DC / strings", $"PV{m.Groups[1].Value} input {(m.Groups[2].Value == "u" ? "voltage" : "current")}", m.Groups[2].Value == "u" ? "V" : "A");
        if (MpptPattern().Match(key) is { Success: true } mp) return new(key, "Energy counters", $"MPPT {mp.Groups[1].Value} DC total yield", "kWh");
        return RawValueInfo.Unknown(key);
    }

    public string StateText(string? vendorType, string key, double value)
    {
        var states = (vendorType is null ? Plant : Device).GetValueOrDefault(key)?.States;
        return states is not null && states.TryGetValue((int)value, out var name) ? name : $"Unknown state {value.ToString("0", CultureInfo.InvariantCulture)}";
    }

    private static RawValueInfo Info(string key, Entry entry) =>
        new(key, entry.Group, entry.Label, entry.Unit == "ms" ? "" : entry.Unit,
            entry.States is not null ? RawValueKind.State : entry.Unit == "ms" ? RawValueKind.Time : RawValueKind.Number);

    [GeneratedRegex(@"^pv(\d+)_(u|i)$")]
    private static partial Regex StringPattern();

    [GeneratedRegex(@"^mppt_(\d+)_cap$")]
    private static partial Regex MpptPattern();
}
