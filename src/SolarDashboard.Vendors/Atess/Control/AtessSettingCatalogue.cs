using System.Globalization;
using System.Text.RegularExpressions;
using SolarDashboard.Vendors.Atess.Model;

namespace SolarDashboard.Vendors.Atess.Control;

/// <summary>
/// The settings the dashboard lets an operator change, per device kind, with labels, units and ranges. The reference names
/// none; these follow what ATESS's Modbus protocol lets one set (the field notes), as the README's ATESS assumptions say.
/// A setting a device reports that is not here is shown read-only.
/// </summary>
public static partial class AtessSettingCatalogue
{
    public const string Section = "ATESS settings (README assumptions)";
    public const string RatingSource = "the inverter's rating";
    public const string OneCSource = "1 C of 105 Ah cells";

    /// <summary>Assumed cell capacity of ATESS battery racks (the API reports none): a rack's current is at most 1 C.</summary>
    public const double CellAh = 105;

    private static AtessSettingDef D(string key, string label, string unit, bool whole, double min, double max) => new(key, label, unit, whole, _ => (min, max));

    private static AtessSettingDef Rated(string key, string label, double minShare, double maxShare) =>
        new(key, label, "kW", false, d => (Math.Round((d.RatedKw ?? 0) * minShare, 1), (d.RatedKw ?? 0) * maxShare), RatingSource);

    private static readonly AtessSettingDef[] Inverter =
    [
        D("onOff", "Inverter on (1) or off (0)", "", true, 0, 1),
        D("parallelNum", "Units in parallel", "", true, 1, 10),
        D("chargeCutoffSoc", "Charge cut-off SOC", "%", true, 50, 100),
        D("dischargeCutoffSoc", "Discharge cut-off SOC", "%", true, 5, 50),
        Rated("maxChargePower", "Maximum charge power", 0, 1),
        Rated("maxDischargePower", "Maximum discharge power", 0, 1),
        Rated("loadPowerLimit", "Load power limit", 0.1, 1),
        Rated("cpPowerLimit", "Grid power compensation (0 off)", 0, 2),
        D("gridChargeEnable", "Grid charging allowed (1) or not (0)", "", true, 0, 1),
        D("gridChargeStartSoc", "Grid charging start SOC", "%", true, 5, 95),
        D("gridChargeStopSoc", "Grid charging stop SOC", "%", true, 10, 100),
        Rated("gridChargePower", "Grid charging power", 0, 1),
    ];

    private static readonly AtessSettingDef[] Generator =
    [
        D("genEnable", "Generator allowed (1) or not (0)", "", true, 0, 1),
        D("genStartSoc", "Generator start SOC", "%", true, 5, 80),
        D("genStopSoc", "Generator stop SOC", "%", true, 10, 100),
        Rated("genMaxPower", "Maximum generator power", 0, 1),
    ];

    private static readonly AtessSettingDef[] Pbd =
    [
        D("onOff", "PV converter on (1) or off (0)", "", true, 0, 1),
        D("parallelNum", "Units in parallel", "", true, 1, 10),
        D("maxChargeCurr", "Maximum charge current", "A", false, 0, 400),
    ];

    private static AtessSettingDef[] Bms(bool master) =>
    [
        D("cellVoltHighLimit", "Cell voltage high limit", "V", false, 3.40, 3.65),
        D("cellVoltLowLimit", "Cell voltage low limit", "V", false, 2.50, 3.10),
        D("chargeTempHigh", "Charging temperature high limit", "°C", false, 30, 60),
        D("chargeTempLow", "Charging temperature low limit", "°C", false, -10, 15),
        D("dischargeTempHigh", "Discharging temperature high limit", "°C", false, 35, 65),
        D("dischargeTempLow", "Discharging temperature low limit", "°C", false, -30, 10),
        new("maxChargeCurr", "Maximum charge current", "A", false, d => (0, CellAh * (master ? d.Racks : 1)), OneCSource),
        new("maxDischargeCurr", "Maximum discharge current", "A", false, d => (0, CellAh * (master ? d.Racks : 1)), OneCSource),
    ];

    private static readonly AtessSettingDef[] Hps = [.. Inverter, .. Generator];
    private static readonly AtessSettingDef[] Bcu = Bms(false);
    private static readonly AtessSettingDef[] Mbms = Bms(true);

    /// <summary>Pairs whose first must stay above the second (the device refuses otherwise).</summary>
    public static IReadOnlyList<(string Upper, string Lower)> Ordered { get; } =
        [("chargeCutoffSoc", "dischargeCutoffSoc"), ("gridChargeStopSoc", "gridChargeStartSoc"), ("genStopSoc", "genStartSoc")];

    public static IReadOnlyList<AtessSettingDef> For(AtessKind kind) => kind switch
    {
        AtessKind.Hps => Hps,
        AtessKind.Pcs => Inverter,
        AtessKind.Pbd => Pbd,
        AtessKind.Bcu => Bcu,
        AtessKind.Mbms => Mbms,
        _ => [],
    };

    public static AtessSettingDef? Find(AtessKind kind, string key) => For(kind).FirstOrDefault(d => d.Key == key);

    /// <summary>The rating in the model's name (HPS150HV: 150 kW, PCS100: 100 kW); null for a model without one.</summary>
    public static double? RatingOf(string vendorType) =>
        AtessDeviceTypes.KindOf(vendorType) is AtessKind.Hps or AtessKind.Pcs && Digits().Match(vendorType) is { Success: true } m
            ? double.Parse(m.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Digits();
}
