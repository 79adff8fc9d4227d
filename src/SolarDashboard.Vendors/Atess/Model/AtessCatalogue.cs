using System.Globalization;
using System.Text.RegularExpressions;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.RawValues;

namespace SolarDashboard.Vendors.Atess.Model;

/// <summary>
/// ATESS's raw keys with the reference's labels and units ("Get the latest real-time data of Central type HPS": every field
/// with its label, "D.Import from Grid (kWh)" read as label "D.Import from Grid" and unit "kWh"), grouped for the device
/// page: status, PV, battery, grid, load, generator (<c>dg*</c>), bypass, AC output, DC output, temperatures and energy
/// counters. Three labels of the reference are corrected where they are evidently garbled (see <see cref="Corrections"/>);
/// units the label leaves out come from the field's meaning. The HPS100HV/HPS150HV table renames PV fields of those models;
/// the PBD's own fields (its page lists names only) are labelled in the same style.
/// </summary>
public sealed partial class AtessCatalogue : IRawValueCatalogue
{
    private sealed record Entry(string Group, string Label, string Unit, RawValueKind Kind = RawValueKind.Number);

    public const string Status = "Status", Pv = "PV", Battery = "Battery", Grid = "Grid", Load = "Load", Generator = "Generator",
        Bypass = "Bypass", AcOutput = "AC output", DcOutput = "DC output", Temperatures = "Temperatures", Energy = "Energy counters";

    /// <summary>Reference labels changed here, with why: the reference's text, and what is shown.</summary>
    public static IReadOnlyDictionary<string, (string Reference, string Shown)> Corrections { get; } = new Dictionary<string, (string, string)>
    {
        ["maxTempGroup"] = ("ax.Temp Rack No.", "Max.Temp Rack No."), // first letter lost
        ["ipvv"] = ("Grid Current U (A)", "Grid Current V (A)"), // U twice, between U and W
        ["atsBypass"] = ("ATS/Bypass250", "ATS/Bypass"), // a stray number
        ["echargeTimeToday"] = ("D.BAT CharTime (kWh)", "D.BAT CharTime (Min)"), // a time, counted in minutes like the other daily times
        ["edischargeTimeToday"] = ("D.BAT DischarTime (kWh)", "D.BAT DischarTime (Min)"),
    };

    // The central HPS page, field by field: group, the reference's label (with its unit in parentheses), and the unit when the label has none.
    private static readonly Dictionary<string, Entry> Fields = Build(
    [
        ("status", Status, "Status", "", RawValueKind.State), ("runModel", Status, "Operation mode", "", RawValueKind.State),
        ("systemNo", Status, "System ID sign", "", RawValueKind.State), ("checkTime", Status, "Check Time (s)", "", RawValueKind.Number),
        ("bmsStatus", Status, "BMS battery status", "", RawValueKind.State), ("bmsSystemStatus", Status, "BMS system status", "", RawValueKind.State),
        ("bmsVoltStatus", Status, "BMS high voltage relay status", "", RawValueKind.State),
        ("ppv", Pv, "PV Power (kW)", "", RawValueKind.Number), ("vpv", Pv, "PV Voltage (V)", "", RawValueKind.Number),
        ("ipv", Pv, "PV Current (A)", "", RawValueKind.Number), ("ibuck1", Pv, "Buck Current 1 (A)", "", RawValueKind.Number),
        ("ibuck2", Pv, "Buck Current 2 (A)", "", RawValueKind.Number), ("bipvBuck3", Pv, "PV3 L_Current", "A", RawValueKind.Number),
        ("ppv1", Pv, "Total PV Power", "kW", RawValueKind.Number), ("ppv2", Pv, "PV2 Power", "kW", RawValueKind.Number),
        ("ppv3", Pv, "PV3 Power", "kW", RawValueKind.Number), ("pv1Volt", Pv, "PV1 Voltage", "V", RawValueKind.Number),
        ("vpv2", Pv, "PV1 Negative Voltage", "V", RawValueKind.Number), ("vpv3", Pv, "PV2 Positive Voltage", "V", RawValueKind.Number),
        ("pv2NegVolt", Pv, "PV2 Negative Voltage", "V", RawValueKind.Number), ("pv2Volt", Pv, "PV2 Voltage", "V", RawValueKind.Number),
        ("pv3PosVolt", Pv, "PV3 Positive Voltage", "V", RawValueKind.Number), ("pv3NegVolt", Pv, "PV3 Negative Voltage", "V", RawValueKind.Number),
        ("pv3Volt", Pv, "PV3 Voltage", "V", RawValueKind.Number), ("bvbus", Pv, "Bus Voltage", "V", RawValueKind.Number),
        ("capacity", Battery, "Battery SOC(%)", "", RawValueKind.Number), ("pac", Battery, "BAT Power (kW)", "", RawValueKind.Number),
        ("vbat", Battery, "BAT Voltage (V)", "", RawValueKind.Number), ("ibat", Battery, "BAT Current (A)", "", RawValueKind.Number),
        ("maxChargeCurr", Battery, "BMS Max.Charge current(A)", "", RawValueKind.Number),
        ("maxDischargeCurr", Battery, "BMS Max.Discharge current", "A", RawValueKind.Number),
        ("mvpv", Battery, "Cell Voltage (V)", "", RawValueKind.Number),
        ("maxVolt", Battery, "Max.Cell Voltage (V)", "", RawValueKind.Number), ("maxVoltGroup", Battery, "Max.Volt Rack No.", "", RawValueKind.State),
        ("maxVoltCell", Battery, "MaxCellVoltModuleNo.", "", RawValueKind.State), ("maxVoltNum", Battery, "Max.Cell Voltage No.", "", RawValueKind.State),
        ("minVolt", Battery, "Min.Cell Voltage(V)", "", RawValueKind.Number), ("minVoltGroup", Battery, "Min.Volt Rack No.", "", RawValueKind.State),
        ("minVoltCell", Battery, "Min.CellVoltModuleNo.", "", RawValueKind.State), ("minVoltNum", Battery, "Min.Cell Voltage No.", "", RawValueKind.State),
        ("maxTemp", Battery, "Max.Temperature (°C)", "", RawValueKind.Number), ("maxTempGroup", Battery, "Max.Temp Rack No.", "", RawValueKind.State),
        ("maxTempNum", Battery, "Max.Temp Module No.", "", RawValueKind.State),
        ("minTemp", Battery, "Min Temperature (°C)", "", RawValueKind.Number), ("minTempGroup", Battery, "Min.Temp Rack No.", "", RawValueKind.State),
        ("minTempNum", Battery, "Min.Temp Module No.", "", RawValueKind.State),
        ("cpActivePower", Battery, "PSG Power", "kW", RawValueKind.Number), ("cpPowerLimit", Battery, "PSG Limit Power", "kW", RawValueKind.Number),
        ("meterPower", Grid, "Meter P(kW)", "", RawValueKind.Number), ("meterQ", Grid, "Meter Q", "kvar", RawValueKind.Number),
        ("meterS", Grid, "Meter S", "kVA", RawValueKind.Number), ("meterCurrentU", Grid, "Meter Current U", "A", RawValueKind.Number),
        ("meterCurrentV", Grid, "Meter Current V", "A", RawValueKind.Number), ("meterCurrentW", Grid, "Meter Current W", "A", RawValueKind.Number),
        ("gvpvuv", Grid, "Grid Voltage UV (V)", "", RawValueKind.Number), ("gvpvvw", Grid, "Grid Voltage VW (V)", "", RawValueKind.Number),
        ("gvpvwu", Grid, "Grid Voltage WU (V)", "", RawValueKind.Number), ("ipvu", Grid, "Grid Current U (A)", "", RawValueKind.Number),
        ("ipvv", Grid, "Grid Current V (A)", "", RawValueKind.Number), ("ipvw", Grid, "Grid Current W (A)", "", RawValueKind.Number),
        ("loadActivePower", Load, "Load P (kW)", "", RawValueKind.Number), ("loadApparentPower", Load, "Load S (KVA)", "", RawValueKind.Number),
        ("loadReactivePower", Load, "Load Q (Kvar)", "", RawValueKind.Number), ("loadPf", Load, "Load PF", "", RawValueKind.Number),
        ("loadIu", Load, "Load Current U (A)", "", RawValueKind.Number), ("loadIv", Load, "Load Current V (A)", "", RawValueKind.Number),
        ("loadIw", Load, "Load Current W (A)", "", RawValueKind.Number), ("nonCriticalLoad", Load, "Non-Critical Load (kW)", "", RawValueKind.Number),
        ("dgActivePower", Generator, "GEN P (kW)", "", RawValueKind.Number), ("dgApparentPower", Generator, "GEN S (KVA)", "", RawValueKind.Number),
        ("dgReactivePower", Generator, "GEN Q (Kvar)", "", RawValueKind.Number), ("dgCurrentU", Generator, "GEN Current U", "A", RawValueKind.Number),
        ("dgCurrentV", Generator, "GEN Current V", "A", RawValueKind.Number), ("dgCurrentW", Generator, "GEN Current W", "A", RawValueKind.Number),
        ("dgGridSelect", Generator, "DG_Grid_Select", "", RawValueKind.State),
        ("dgTodayIntakePower", Generator, "D.GEN Export (kWh)", "", RawValueKind.Number),
        ("dgTodayIntakeTime", Generator, "D.GEN Export Time (Min)", "", RawValueKind.Number),
        ("dgTotalIntakePower", Generator, "T.GEN Export (kWh)", "", RawValueKind.Number),
        ("dgTotalIntakeTime", Generator, "T.GEN Export Time (Min)", "", RawValueKind.Number),
        ("atsBypass", Bypass, "ATS/Bypass", "", RawValueKind.State), ("bactivePower", Bypass, "Bypass P (kW)", "", RawValueKind.Number),
        ("bapparentPower", Bypass, "Bypass S (KVA)", "", RawValueKind.Number), ("breactivePower", Bypass, "Bypass Q (Kvar)", "", RawValueKind.Number),
        ("bypassFreq", Bypass, "Bypass Freq (Hz)", "", RawValueKind.Number),
        ("outvu", AcOutput, "Output Voltage U (V)", "", RawValueKind.Number), ("outvv", AcOutput, "Output Voltage V (V)", "", RawValueKind.Number),
        ("outvw", AcOutput, "Output Voltage W (V)", "", RawValueKind.Number), ("vpvuv", AcOutput, "Output Voltage UV (V)", "", RawValueKind.Number),
        ("vpvvw", AcOutput, "Output Voltage VW (V)", "", RawValueKind.Number), ("vpvwu", AcOutput, "Output Voltage WU (V)", "", RawValueKind.Number),
        ("fac", AcOutput, "Output Freq (Hz)", "", RawValueKind.Number), ("pf", AcOutput, "Power Factor", "", RawValueKind.Number),
        ("ipva", AcOutput, "Inductive Current A (A)", "", RawValueKind.Number), ("ipvb", AcOutput, "Inductive Current B (A)", "", RawValueKind.Number),
        ("ipvc", AcOutput, "Inductive Current C (A)", "", RawValueKind.Number),
        ("temp", Temperatures, "Ambient Temp (°C)", "", RawValueKind.Number), ("temp1", Temperatures, "IGBT Temp (°C)", "", RawValueKind.Number),
        ("temp3", Temperatures, "Buck Module Temp (°C)", "", RawValueKind.Number), ("temp4", Temperatures, "Max.T & L Temp (°C)", "", RawValueKind.Number),
        ("scrTemp", Temperatures, "SCR Temp (°C)", "", RawValueKind.Number),
        ("epvToday", Energy, "Daily.PV Energy (kWh)", "", RawValueKind.Number), ("epvTotal", Energy, "Total.PV Energy (kWh)", "", RawValueKind.Number),
        ("epvTimeToday", Energy, "Daily.PV Time (Min)", "", RawValueKind.Number), ("epvTimeTotal", Energy, "Total.PV Time (H)", "", RawValueKind.Number),
        ("egridToday", Energy, "D.Import from Grid (kWh)", "", RawValueKind.Number), ("egridTotal", Energy, "T.Import from Grid (kWh)", "", RawValueKind.Number),
        ("egridTimeToday", Energy, "D.Import Grid Time (Min)", "", RawValueKind.Number), ("egridTimeTotal", Energy, "T.Import Grid Time (H)", "", RawValueKind.Number),
        ("etoGridToday", Energy, "D.Export to Grid (kWh)", "", RawValueKind.Number), ("etoGridTotal", Energy, "T.Export to Grid (kWh)", "", RawValueKind.Number),
        ("etoGridTimeToday", Energy, "D.Export Grid Time (Min)", "", RawValueKind.Number), ("etoGridTimeTotal", Energy, "T.Export Grid Time (H)", "", RawValueKind.Number),
        ("eloadToday", Energy, "D.Load Energy (kWh)", "", RawValueKind.Number), ("eloadTotal", Energy, "T.Load Energy (kWh)", "", RawValueKind.Number),
        ("eloadTimeToday", Energy, "Daily.Load Time (Min)", "", RawValueKind.Number), ("eloadTimeTotal", Energy, "Total.Load Time (H)", "", RawValueKind.Number),
        ("echargeToday", Energy, "D.BAT Charge (kWh)", "", RawValueKind.Number), ("ebatChargeTotal", Energy, "T.BAT Charge (kWh)", "", RawValueKind.Number),
        ("echargeTimeToday", Energy, "D.BAT CharTime (Min)", "", RawValueKind.Number), ("ebatChargeTimeTotal", Energy, "T.BAT ChargeTime (H)", "", RawValueKind.Number),
        ("edischargeToday", Energy, "D.BAT Discharge (kWh)", "", RawValueKind.Number), ("ebatDischargeTotal", Energy, "T.BAT Discharge (kWh)", "", RawValueKind.Number),
        ("edischargeTimeToday", Energy, "D.BAT DischarTime (Min)", "", RawValueKind.Number),
        ("ebatDischargeTimeTotal", Energy, "T.BAT DischarTime (H)", "", RawValueKind.Number),
        ("dailyEnergyFromMeter", Energy, "D.Import from Meter (kWh)", "", RawValueKind.Number),
        ("totalEnergyFromMeter", Energy, "T.Import from Meter (kWh)", "", RawValueKind.Number),
        ("dailyEnergyToMeter", Energy, "D.Export to Meter (kWh)", "", RawValueKind.Number),
        ("totalEnergyToMeter", Energy, "T.Export to Meter (kWh)", "", RawValueKind.Number),
        ("dailyNonCriticalEnergy", Energy, "D.Non-Critical Load Energy(kWh)", "", RawValueKind.Number),
        ("totalNonCriticalEnergy", Energy, "T.Non-Critical Load Energy(kWh)", "", RawValueKind.Number),
    ]);

    // HPS100HV/HPS150HV: "additional parameters" table, which names some fields of the main list differently on those models.
    private static readonly Dictionary<string, Entry> HighVoltage = Build(
    [
        ("ppv", Pv, "PV1 Power", "kW", RawValueKind.Number), ("vpv", Pv, "PV1 Positive Voltage", "V", RawValueKind.Number),
        ("ibuck1", Pv, "PV1 L_Current", "A", RawValueKind.Number), ("ibuck2", Pv, "PV2 L_Current", "A", RawValueKind.Number),
    ]);

    // The PBD's own fields (its page gives names only): per PV input, and what it delivers to the battery bus.
    private static readonly Dictionary<string, Entry> Pbd = Build(
    [
        ("vpv", Pv, "PV1 Voltage", "V", RawValueKind.Number), ("ipv", Pv, "PV1 Current", "A", RawValueKind.Number),
        ("ipv2dc", Pv, "PV2 Current", "A", RawValueKind.Number), ("bvbus", DcOutput, "Bus Voltage", "V", RawValueKind.Number),
        ("outPower", DcOutput, "Output Power", "kW", RawValueKind.Number), ("outv", DcOutput, "Output Voltage", "V", RawValueKind.Number),
        ("outi", DcOutput, "Output Current", "A", RawValueKind.Number),
        ("outInductanceCurr1", DcOutput, "Output Inductance Current 1", "A", RawValueKind.Number),
        ("outInductanceCurr2", DcOutput, "Output Inductance Current 2", "A", RawValueKind.Number),
        ("pcsOutputPower", DcOutput, "PCS Output Power", "kW", RawValueKind.Number),
        ("pcsBatChargingPower", DcOutput, "PCS BAT Charging Power", "kW", RawValueKind.Number),
        ("outDailyDischarge", Energy, "D.Output Energy", "kWh", RawValueKind.Number),
        ("outTotalDischarge", Energy, "T.Output Energy", "kWh", RawValueKind.Number),
        ("outTemp", Temperatures, "Output Temp", "°C", RawValueKind.Number),
        ("outInductanceTemp", Temperatures, "Output Inductance Temp", "°C", RawValueKind.Number),
        ("pvTemp", Temperatures, "PV Temp", "°C", RawValueKind.Number),
        ("pvInductanceTemp", Temperatures, "PV Inductance Temp", "°C", RawValueKind.Number),
    ]);

    public Vendor Vendor => Vendor.Atess;

    public string VendorName => "ATESS";

    public IReadOnlyList<string> GroupOrder { get; } = [Status, Pv, Battery, Grid, Load, Generator, Bypass, AcOutput, DcOutput, Temperatures, Energy];

    /// <summary>PV power where there is PV (an HV model's <c>ppv</c> is PV1 only), else the battery's SOC.</summary>
    public IReadOnlyList<string> PreferredChartKeys { get; } =
        [Core.Measures.StandardMeasure.PvKw.SeriesName, "capacity", Core.Measures.StandardMeasure.BatteryKw.SeriesName];

    public string DeviceTypeName(string vendorType) => AtessDeviceTypes.Name(vendorType);

    public RawValueInfo Describe(string? vendorType, string key)
    {
        var kind = vendorType is null ? AtessKind.Other : AtessDeviceTypes.KindOf(vendorType);
        Entry? entry = null;
        if (kind == AtessKind.Pbd) entry = Pbd.GetValueOrDefault(key) ?? PbdInput(key);
        if (entry is null && vendorType is not null && AtessDeviceTypes.IsHighVoltage(vendorType)) entry = HighVoltage.GetValueOrDefault(key);
        entry ??= Fields.GetValueOrDefault(key);
        return entry is null ? RawValueInfo.Unknown(key) : new RawValueInfo(key, entry.Group, entry.Label, entry.Unit, entry.Kind);
    }

    /// <summary>
    /// States in words. The reference names these fields without their values; the words follow the field notes and the
    /// form of ATESS's Modbus protocol. Rack, module and cell numbers are shown as whole numbers.
    /// </summary>
    public string StateText(string? vendorType, string key, double value)
    {
        var n = (int)Math.Round(value);
        var bms = vendorType is not null && AtessDeviceTypes.KindOf(vendorType) is AtessKind.Bcu or AtessKind.Mbms;
        return key switch
        {
            "status" when bms => n switch { 1 => "Normal", 0 => "Standby", _ => Unknown(value) },
            "status" => n switch { 1 => "Running", 2 => "Fault", 3 => "Switched off", _ => Unknown(value) },
            "runModel" => n switch { 0 => "On grid", 1 => "Off grid", _ => Unknown(value) },
            "bmsStatus" => n switch { 0 => "Idle", 1 => "Charging", 2 => "Discharging", _ => Unknown(value) },
            "bmsSystemStatus" => n switch { 0 => "Normal", 1 => "Charging stopped", 2 => "Discharging stopped", 3 => "Charging and discharging stopped", _ => Unknown(value) },
            "bmsVoltStatus" => n switch { 1 => "Relay closed", 0 => "Relay open", _ => Unknown(value) },
            "dgGridSelect" => n switch { 1 => "Generator on the AC input", 0 => "Grid on the AC input", _ => Unknown(value) },
            "atsBypass" => n switch { 1 => "Loads on bypass", 0 => "Loads on inverter", _ => Unknown(value) },
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Unknown(double value) => $"Unknown state {value.ToString("0", CultureInfo.InvariantCulture)}";

    private static Entry? PbdInput(string key)
    {
        var m = PbdInputPattern().Match(key);
        if (!m.Success) return null;
        var input = m.Groups[2].Value;
        return m.Groups[1].Value switch
        {
            "ppv" => new(Pv, $"PV{input} Power", "kW"),
            "vpv" => new(Pv, $"PV{input} Voltage", "V"),
            "ipv" => new(Pv, $"PV{input} Current", "A"),
            _ => new(Pv, $"PV{input} L_Current", "A"),
        };
    }

    /// <summary>Splits "D.Import from Grid (kWh)" into label and unit; a label without a unit takes the one given.</summary>
    private static Dictionary<string, Entry> Build(IEnumerable<(string Key, string Group, string Text, string Unit, RawValueKind Kind)> fields) =>
        fields.ToDictionary(f => f.Key, f => UnitPattern().Match(f.Text) is { Success: true } m
            ? new Entry(f.Group, m.Groups[1].Value.TrimEnd(), m.Groups[2].Value, f.Kind)
            : new Entry(f.Group, f.Text, f.Unit, f.Kind), StringComparer.Ordinal);

    [GeneratedRegex(@"^(.*?)\s*\(([^()]+)\)$")]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^(ppv|vpv|ipv|bipvBuck)([1-5])$")]
    private static partial Regex PbdInputPattern();
}
