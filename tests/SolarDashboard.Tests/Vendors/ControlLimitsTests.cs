using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Vendors;

/// <summary>
/// The server-side check every submission passes before anything is sent (issue 15, "Control input"): each numeric field
/// of reference 5.2 at each documented boundary, just outside it, at NaN, at ±infinity and at an overflow, with the
/// battery's and the controller's own limits. A refusal names the limit and its unit.
/// </summary>
public sealed class ControlLimitsTests
{
    /// <summary>A Dongle plant whose battery reports 5 kW maximum charge and 3 kW maximum discharge power.</summary>
    private static PlantControlFacts Plant(ControllerType controller = ControllerType.Dongle, double? maxChargeW = 5000, double? maxDischargeW = 3000,
        double? ratedKw = 10, double? soc = null) =>
        new(1, "Home", "NE=1", 1, true, null, true, false, controller, true, soc, 7, maxChargeW, maxDischargeW, ratedKw, null);

    /// <summary>A plant whose devices report no limits (no rated power, no battery maxima): the documented range applies.</summary>
    private static PlantControlFacts Silent(ControllerType controller = ControllerType.Dongle) => Plant(controller, maxChargeW: null, maxDischargeW: null, ratedKw: null);

    private static ChargeDischargeParameters Minutes(int minutes) => new(ForcedAction.Charge, false, null, minutes, null);
    private static ChargeDischargeParameters Target(double soc) => new(ForcedAction.Charge, true, soc, null, null);
    private static ChargeDischargeParameters Power(ForcedAction action, int watts) => new(action, false, null, 60, watts);
    private static BatteryModeParameters GridCharge(double kw) => new(true, SurplusPv.FeedToGrid, kw, [new("01:00", "05:00", true, [1])]);
    private static BatteryModeParameters Window(string start, string end, params int[] days) => new(true, SurplusPv.FeedToGrid, 3, [new(start, end, true, days)]);
    private static BatteryModeParameters Windows(int count) =>
        new(true, SurplusPv.FeedToGrid, 3, Enumerable.Range(0, count).Select(i => new TouWindow($"{i:00}:00", $"{i:00}:30", true, [1])).ToList());
    private static FeedInParameters FeedIn(double kw) => new(true, kw, false);

    /// <summary>What is checked, the parameters, the plant, and null when it may be sent or a fragment the refusal must contain.</summary>
    public static TheoryData<string, ControlParameters, PlantControlFacts, string?> Rows => new()
    {
        // dispatchTime, minutes [0, 1440] (5.2.1)
        { "duration 0", Minutes(0), Plant(), null },
        { "duration 1440", Minutes(1440), Plant(), null },
        { "duration -1", Minutes(-1), Plant(), "from 0 to 1440 minutes" },
        { "duration 1441", Minutes(1441), Plant(), "from 0 to 1440 minutes" },
        { "duration int.MaxValue", Minutes(int.MaxValue), Plant(), "from 0 to 1440 minutes" },
        { "duration int.MinValue", Minutes(int.MinValue), Plant(), "from 0 to 1440 minutes" },

        // targetSOC, % [0, 100] (5.2.1)
        { "target SOC 0", Target(0), Plant(), null },
        { "target SOC 100", Target(100), Plant(), null },
        { "target SOC -0.001", Target(-0.001), Plant(), "from 0 to 100 %" },
        { "target SOC 100.001", Target(100.001), Plant(), "from 0 to 100 %" },
        { "target SOC NaN", Target(double.NaN), Plant(), "target SOC must be a number from 0 to 100 %" },
        { "target SOC +infinity", Target(double.PositiveInfinity), Plant(), "from 0 to 100 %" },
        { "target SOC -infinity", Target(double.NegativeInfinity), Plant(), "from 0 to 100 %" },
        { "target SOC double.MaxValue", Target(double.MaxValue), Plant(), "from 0 to 100 %" },

        // powerDispatch, W: (0, max charge] charging, [-max discharge, 0) discharging (5.2.1), the battery's own maxima
        { "charge power 1 W", Power(ForcedAction.Charge, 1), Plant(), null },
        { "charge power at the battery's 5000 W", Power(ForcedAction.Charge, 5000), Plant(), null },
        { "charge power 0 W", Power(ForcedAction.Charge, 0), Plant(), "greater than 0 W" },
        { "charge power 5001 W", Power(ForcedAction.Charge, 5001), Plant(), "from 0.001 to 5 kW (the battery's maximum charge power)" },
        { "charge power int.MaxValue W", Power(ForcedAction.Charge, int.MaxValue), Plant(), "from 0.001 to 5 kW" },
        { "charge power without a reported maximum", Power(ForcedAction.Charge, 1000), Plant(maxChargeW: null), "has not reported its maximum charge power" },
        { "discharge power -1 W", Power(ForcedAction.Discharge, -1), Plant(), null },
        { "discharge power at the battery's -3000 W", Power(ForcedAction.Discharge, -3000), Plant(), null },
        { "discharge power 0 W", Power(ForcedAction.Discharge, 0), Plant(), "below 0 W" },
        { "discharge power -3001 W", Power(ForcedAction.Discharge, -3001), Plant(), "from 0.001 to 3 kW (the battery's maximum discharge power)" },
        { "discharge power int.MinValue W", Power(ForcedAction.Discharge, int.MinValue), Plant(), "from 0.001 to 3 kW" },

        // allowedAcChargePower, kW by controller (5.2.3)
        { "grid charge 0 kW", GridCharge(0), Silent(), null },
        { "grid charge 30 kW via Dongle", GridCharge(30), Silent(), null },
        { "grid charge -0.001 kW", GridCharge(-0.001), Silent(), "from 0 to 30 kW (documented for a plant with a Dongle" },
        { "grid charge 30.001 kW via Dongle", GridCharge(30.001), Silent(), "from 0 to 30 kW (documented for a plant with a Dongle" },
        { "grid charge NaN", GridCharge(double.NaN), Silent(), "must be a number from 0 to 30 kW" },
        { "grid charge +infinity", GridCharge(double.PositiveInfinity), Silent(), "from 0 to 30 kW" },
        { "grid charge -infinity", GridCharge(double.NegativeInfinity), Silent(), "from 0 to 30 kW" },
        { "grid charge double.MaxValue", GridCharge(double.MaxValue), Silent(), "from 0 to 30 kW" },
        { "grid charge 50 kW via EMMA", GridCharge(50), Silent(ControllerType.Emma), null },
        { "grid charge 50.001 kW via EMMA", GridCharge(50.001), Silent(ControllerType.Emma), "from 0 to 50 kW" },
        { "grid charge 50000 kW via SmartLogger", GridCharge(50000), Silent(ControllerType.SmartLogger), null },
        { "grid charge 50000.001 kW via SmartLogger", GridCharge(50000.001), Silent(ControllerType.SmartLogger), "from 0 to 50000 kW" },
        { "grid charge 5 kW via inverter (battery 5 kW)", GridCharge(5), Plant(ControllerType.Inverter), null },
        { "grid charge 5.001 kW via inverter (battery 5 kW)", GridCharge(5.001), Plant(ControllerType.Inverter), "from 0 to 5 kW" },
        { "grid charge via inverter without a reported maximum", GridCharge(1), Plant(ControllerType.Inverter, maxChargeW: null), "has not reported its maximum charge power" },

        // chargingAndDischargingTimeWindow: 1 to 14 windows, HH:MM in 00:00–23:59, repeat 1–7 (5.2.3)
        { "14 windows", Windows(14), Plant(), null },
        { "15 windows", Windows(15), Plant(), "at most 14 windows" },
        { "no window", Windows(0), Plant(), "at least one" },
        { "window 00:00–23:59", Window("00:00", "23:59", 1), Plant(), null },
        { "window ending 24:00", Window("00:00", "24:00", 1), Plant(), "between 00:00 and 23:59" },
        { "window ending 23:60", Window("00:00", "23:60", 1), Plant(), "between 00:00 and 23:59" },
        { "window starting -00:01", Window("-00:01", "01:00", 1), Plant(), "between 00:00 and 23:59" },
        { "window starting NaN", Window("NaN", "01:00", 1), Plant(), "between 00:00 and 23:59" },
        { "window ending Infinity", Window("00:00", "Infinity", 1), Plant(), "between 00:00 and 23:59" },
        { "window ending 2147483648:00", Window("00:00", "2147483648:00", 1), Plant(), "between 00:00 and 23:59" },
        { "repeat days 1 and 7", Window("01:00", "02:00", 1, 7), Plant(), null },
        { "repeat day 0", Window("01:00", "02:00", 0), Plant(), "1 (Monday) to 7 (Sunday)" },
        { "repeat day 8", Window("01:00", "02:00", 8), Plant(), "1 (Monday) to 7 (Sunday)" },
        { "repeat day int.MaxValue", Window("01:00", "02:00", int.MaxValue), Plant(), "1 (Monday) to 7 (Sunday)" },
        { "repeat day int.MinValue", Window("01:00", "02:00", int.MinValue), Plant(), "1 (Monday) to 7 (Sunday)" },

        // endOfChargeSoc [90, 100] %, endOfDischargeSoc [0, 20] % (5.2.5)
        { "end of charge 90", new BatteryLimitParameters(90, null, null, null), Plant(), null },
        { "end of charge 100", new BatteryLimitParameters(100, null, null, null), Plant(), null },
        { "end of charge 89.999", new BatteryLimitParameters(89.999, null, null, null), Plant(), "end-of-charge SOC must be from 90 to 100 %" },
        { "end of charge 100.001", new BatteryLimitParameters(100.001, null, null, null), Plant(), "from 90 to 100 %" },
        { "end of charge NaN", new BatteryLimitParameters(double.NaN, null, null, null), Plant(), "must be a number from 90 to 100 %" },
        { "end of charge +infinity", new BatteryLimitParameters(double.PositiveInfinity, null, null, null), Plant(), "from 90 to 100 %" },
        { "end of charge -infinity", new BatteryLimitParameters(double.NegativeInfinity, null, null, null), Plant(), "from 90 to 100 %" },
        { "end of charge double.MaxValue", new BatteryLimitParameters(double.MaxValue, null, null, null), Plant(), "from 90 to 100 %" },
        { "end of discharge 0", new BatteryLimitParameters(null, 0, null, null), Plant(), null },
        { "end of discharge 20", new BatteryLimitParameters(null, 20, null, null), Plant(), null },
        { "end of discharge -0.001", new BatteryLimitParameters(null, -0.001, null, null), Plant(), "end-of-discharge SOC must be from 0 to 20 %" },
        { "end of discharge 20.001", new BatteryLimitParameters(null, 20.001, null, null), Plant(), "from 0 to 20 %" },
        { "end of discharge NaN", new BatteryLimitParameters(null, double.NaN, null, null), Plant(), "must be a number from 0 to 20 %" },
        { "end of discharge +infinity", new BatteryLimitParameters(null, double.PositiveInfinity, null, null), Plant(), "from 0 to 20 %" },
        { "end of discharge -infinity", new BatteryLimitParameters(null, double.NegativeInfinity, null, null), Plant(), "from 0 to 20 %" },
        { "end of discharge -double.MaxValue", new BatteryLimitParameters(null, -double.MaxValue, null, null), Plant(), "from 0 to 20 %" },

        // maximumChargePower, maximumDischargePower: W [0, the battery's upper limit] (5.2.5)
        { "max charge 0 W", new BatteryLimitParameters(null, null, 0, null), Plant(), null },
        { "max charge at the battery's 5000 W", new BatteryLimitParameters(null, null, 5000, null), Plant(), null },
        { "max charge -1 W", new BatteryLimitParameters(null, null, -1, null), Plant(), "from 0 to 5 kW" },
        { "max charge 5001 W", new BatteryLimitParameters(null, null, 5001, null), Plant(), "maximum charge power must be from 0 to 5 kW (the battery's maximum charge power)" },
        { "max charge 2,000,000 kW", new BatteryLimitParameters(null, null, 2_000_000_000, null), Plant(), "2000000 kW is outside" },
        { "max charge int.MaxValue W", new BatteryLimitParameters(null, null, int.MaxValue, null), Plant(), "from 0 to 5 kW" },
        { "max charge int.MinValue W", new BatteryLimitParameters(null, null, int.MinValue, null), Plant(), "from 0 to 5 kW" },
        { "max charge without a reported maximum", new BatteryLimitParameters(null, null, 1000, null), Plant(maxChargeW: null), "has not reported its maximum charge power" },
        { "max charge with a nonsense reported maximum", new BatteryLimitParameters(null, null, 1000, null), Plant(maxChargeW: double.NaN), "has not reported its maximum charge power" },
        { "max discharge 0 W", new BatteryLimitParameters(null, null, null, 0), Plant(), null },
        { "max discharge at the battery's 3000 W", new BatteryLimitParameters(null, null, null, 3000), Plant(), null },
        { "max discharge -1 W", new BatteryLimitParameters(null, null, null, -1), Plant(), "from 0 to 3 kW" },
        { "max discharge 3001 W", new BatteryLimitParameters(null, null, null, 3001), Plant(), "maximum discharge power must be from 0 to 3 kW (the battery's maximum discharge power)" },
        { "max discharge int.MaxValue W", new BatteryLimitParameters(null, null, null, int.MaxValue), Plant(), "from 0 to 3 kW" },

        // maxGridFeedInPower, kW by controller (5.2.7)
        { "feed-in -1000 kW", FeedIn(-1000), Silent(), null },
        { "feed-in 5000 kW via Dongle", FeedIn(5000), Silent(), null },
        { "feed-in -1000.001 kW", FeedIn(-1000.001), Silent(), "from -1000 to 5000 kW (documented for a plant with a Dongle" },
        { "feed-in 5000.001 kW via Dongle", FeedIn(5000.001), Silent(), "from -1000 to 5000 kW" },
        { "feed-in NaN", FeedIn(double.NaN), Silent(), "must be a number from -1000 to 5000 kW" },
        { "feed-in +infinity", FeedIn(double.PositiveInfinity), Silent(), "from -1000 to 5000 kW" },
        { "feed-in -infinity", FeedIn(double.NegativeInfinity), Silent(), "from -1000 to 5000 kW" },
        { "feed-in double.MaxValue", FeedIn(double.MaxValue), Silent(), "from -1000 to 5000 kW" },
        { "feed-in 10 kW via EMMA rated 10 kW", FeedIn(10), Plant(ControllerType.Emma), null },
        { "feed-in 10.001 kW via EMMA rated 10 kW", FeedIn(10.001), Plant(ControllerType.Emma), "from -10 to 10 kW" },
        { "feed-in via EMMA of unknown rating", FeedIn(0), Plant(ControllerType.Emma, ratedKw: null), "rated power of its inverters is not known" },
        { "feed-in 50000 kW via distributed SmartLogger", FeedIn(50000), Silent(ControllerType.DistributedSmartLogger), null },
        { "feed-in 50000.001 kW via distributed SmartLogger", FeedIn(50000.001), Silent(ControllerType.DistributedSmartLogger), "from -1000 to 50000 kW" },
        // The plant's own size narrows the documented ranges: an 11 kWp home is not offered -1000 to 5000 kW.
        { "grid charge 5 kW via Dongle, battery 5 kW", GridCharge(5), Plant(), null },
        { "grid charge 5.001 kW via Dongle, battery 5 kW", GridCharge(5.001), Plant(), "from 0 to 5 kW (the battery's maximum charge power)" },
        { "grid charge 30.001 kW via Dongle, battery silent", GridCharge(30.001), Silent(), "from 0 to 30 kW (documented for a plant with a Dongle; the battery reports no maximum charge power)" },
        { "feed-in 10 kW, plant rated 10 kW", FeedIn(10), Plant(), null },
        { "feed-in -10 kW, plant rated 10 kW", FeedIn(-10), Plant(), null },
        { "feed-in 10.001 kW, plant rated 10 kW", FeedIn(10.001), Plant(), "from -10 to 10 kW (the plant's rated power)" },
        { "feed-in -10.001 kW, plant rated 10 kW", FeedIn(-10.001), Plant(), "from -10 to 10 kW" },
        { "feed-in 5000.001 kW via Dongle, plant silent", FeedIn(5000.001), Silent(), "from -1000 to 5000 kW (documented for a plant with a Dongle; the plant reports no rated power)" },
        { "feed-in 5000.001 kW via SmartLogger", FeedIn(5000.001), Silent(ControllerType.SmartLogger), "from -1000 to 5000 kW (documented for a plant with a SmartLogger" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_field_is_refused_outside_its_documented_and_its_plants_own_bounds(string what, ControlParameters parameters, PlantControlFacts plant, string? refusal)
    {
        var problems = ControlRules.Check(parameters, plant);

        if (refusal is null) Assert.True(problems.Count == 0, $"{what}: {string.Join(" | ", problems)}");
        else Assert.True(problems.Any(p => p.Contains(refusal, StringComparison.Ordinal)), $"{what}: expected \"{refusal}\" in: {string.Join(" | ", problems)}");
    }

    [Fact]
    public void The_review_of_a_refused_value_holds_no_wire_body_even_when_it_is_not_json()
    {
        // NaN has no JSON form: building the body for it used to throw out of the review.
        var refused = new FeedInParameters(true, double.NaN, false);

        Assert.Throws<ArgumentException>(() => ControlWire.Task("NE=1", refused).ToJsonString());
        Assert.Contains(ControlRules.Check(refused, Plant()), p => p.Contains("must be a number"));
    }

    [Fact]
    public void A_plant_dependent_bound_without_a_plant_is_the_widest_the_reference_allows()
    {
        Assert.Equal((-1000.0, 50000.0), (ControlLimits.For(ControlField.FeedInPower, null).Min, ControlLimits.For(ControlField.FeedInPower, null).Max));
        Assert.Equal(50000.0, ControlLimits.For(ControlField.GridChargePower, null).Max);
        Assert.Equal(int.MaxValue / 1000.0, ControlLimits.For(ControlField.MaxChargePower, null).Max);
        Assert.Equal("5.2.5", ControlLimits.For(ControlField.MaxDischargePower, Plant()).Section);
    }
}
