using SolarDashboard.Core.Control;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>
/// Every numeric control field's bounds in one table: the range reference 5.2 documents, narrowed by the plant's own
/// battery and controller. Powers are in kW, as the operator types them; those sent in watts must also fit the wire's
/// Integer. The form shows these bounds and <see cref="ControlRules"/> refuses anything outside them before sending.
/// </summary>
public static class ControlLimits
{
    /// <summary>powerDispatch, maximumChargePower and maximumDischargePower are Integer watts (5.2.1, 5.2.5): the most kW that fits.</summary>
    public const double WireMaxKw = int.MaxValue / 1000.0;

    /// <summary>chargingAndDischargingTimeWindow holds at most 14 windows (5.2.3).</summary>
    public const int MaxWindows = 14;

    public static FieldLimit Duration { get; } = new("duration", "minutes", 0, 1440, "5.2.1", Whole: true);

    public static FieldLimit TargetSoc { get; } = new("target SOC", "%", 0, 100, "5.2.1");

    /// <summary>repeat: 1 (Monday) to 7 (Sunday), 5.2.3.</summary>
    public static FieldLimit RepeatDay { get; } = new("repeat day", "(1 = Monday, 7 = Sunday)", 1, 7, "5.2.3", Whole: true);

    public static FieldLimit EndOfChargeSoc { get; } = new("end-of-charge SOC", "%", 90, 100, "5.2.5");

    public static FieldLimit EndOfDischargeSoc { get; } = new("end-of-discharge SOC", "%", 0, 20, "5.2.5");

    /// <summary>The field's bounds for this plant; without a plant, the widest the reference allows for any plant.</summary>
    public static FieldLimit For(ControlField field, PlantControlFacts? plant, ForcedAction action = ForcedAction.Charge) => field switch
    {
        // "Greater than 0 during forced charge and smaller than 0 during forced discharge", within the battery's maxima (5.2.1).
        ControlField.ForcedPower => action == ForcedAction.Discharge
            ? Battery("discharge power", 0.001, plant, plant?.MaxDischargeW, "maximum discharge power", "5.2.1")
            : Battery("charge power", 0.001, plant, plant?.MaxChargeW, "maximum charge power", "5.2.1"),
        ControlField.Duration => Duration,
        ControlField.TargetSoc => TargetSoc,
        ControlField.GridChargePower => GridCharge(plant),
        ControlField.EndOfChargeSoc => EndOfChargeSoc,
        ControlField.EndOfDischargeSoc => EndOfDischargeSoc,
        // [0, upper limit of maximum charge/discharge power] (5.2.5): above it FusionSolar would quietly use its limit; we refuse instead.
        ControlField.MaxChargePower => Battery("maximum charge power", 0, plant, plant?.MaxChargeW, "maximum charge power", "5.2.5"),
        ControlField.MaxDischargePower => Battery("maximum discharge power", 0, plant, plant?.MaxDischargeW, "maximum discharge power", "5.2.5"),
        _ => FeedIn(plant),
    };

    /// <summary>A battery power: up to the battery's own maximum as it reports it (max_charge_power, max_discharge_power, W).</summary>
    private static FieldLimit Battery(string name, double min, PlantControlFacts? plant, double? maxW, string what, string section)
    {
        if (plant is null) return new(name, "kW", min, WireMaxKw, section, "the most FusionSolar's Integer watts can carry");
        if (maxW is not { } w || !double.IsFinite(w) || w <= 0)
            return new(name, "kW", min, WireMaxKw, section) { Missing = $"the battery has not reported its {what} yet; leave the field empty or wait for the next sync." };
        return new(name, "kW", min, Math.Min(w / 1000, WireMaxKw), section, $"the battery's {what}");
    }

    /// <summary>
    /// allowedAcChargePower by controller (5.2.3), narrowed to what the battery itself reports it can take (a 5 kW battery
    /// behind a Dongle does not charge at 30 kW); the documented range alone only when the battery reports no maximum.
    /// Directly connected inverters: up to the battery's maximum charge power, which must then be known.
    /// </summary>
    private static FieldLimit GridCharge(PlantControlFacts? plant)
    {
        const string name = "maximum grid charge power";
        var documented = plant?.Controller switch
        {
            null => new FieldLimit(name, "kW", 0, 50000, "5.2.3", "the widest controller range"),
            ControllerType.Dongle => new(name, "kW", 0, 30, "5.2.3", "for a plant with a Dongle"),
            ControllerType.Emma => new(name, "kW", 0, 50, "5.2.3", "for a plant with an EMMA"),
            ControllerType.SmartLogger or ControllerType.DistributedSmartLogger => new(name, "kW", 0, 50000, "5.2.3", $"for a plant with {ControlRules.ControllerName(plant.Controller)}"),
            _ => null,
        };
        if (plant is null) return documented!;
        var battery = plant.MaxChargeW is { } w && double.IsFinite(w) && w > 0 ? w / 1000 : (double?)null;
        if (documented is null)
            return Battery(name, 0, plant, plant.MaxChargeW, "maximum charge power", "5.2.3") with { Source = "the inverter's limit: its battery's maximum charge power" };
        return battery is { } kw && kw < documented.Max
            ? documented with { Max = kw, Source = "the battery's maximum charge power" }
            : documented with { Source = battery is null ? $"documented {documented.Source}; the battery reports no maximum charge power" : documented.Source };
    }

    /// <summary>
    /// maxGridFeedInPower by controller (5.2.7), narrowed to the plant's own size: an 11 kWp home feeds in at most its rated
    /// power, and a negative limit (importing at least that much) beyond it means nothing either. The inverters' rated power is
    /// not in the device data, so the plant's capacity stands in for it; without one, the documented range, saying so.
    /// EMMA: up to the inverters' rated power, which must then be known.
    /// </summary>
    private static FieldLimit FeedIn(PlantControlFacts? plant)
    {
        const string name = "maximum feed-in power";
        var rated = plant?.InverterRatedKw is { } r && double.IsFinite(r) && r > 0 ? r : (double?)null;
        var documented = plant?.Controller switch
        {
            null => new FieldLimit(name, "kW", -1000, 50000, "5.2.7", "the widest controller range"),
            ControllerType.Emma when rated is { } kw => new(name, "kW", -1000, kw, "5.2.7", "for a plant with an EMMA: its inverters' rated power"),
            ControllerType.Emma => new(name, "kW", -1000, 0, "5.2.7") { Missing = "the rated power of its inverters is not known, and an EMMA allows no more." },
            ControllerType.DistributedSmartLogger => new(name, "kW", -1000, 50000, "5.2.7", "for a plant with a distributed SmartLogger"),
            _ => new(name, "kW", -1000, 5000, "5.2.7", $"for a plant with {ControlRules.ControllerName(plant.Controller)}"),
        };
        if (plant is null || documented.Missing is not null) return documented;
        return rated is { } size
            ? documented with { Min = Math.Max(documented.Min, -size), Max = Math.Min(documented.Max, size), Source = "the plant's rated power" }
            : documented with { Source = $"documented {documented.Source}; the plant reports no rated power" };
    }
}
