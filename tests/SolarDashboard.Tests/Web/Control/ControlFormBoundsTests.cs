using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>
/// The form refuses each field's value outside the bounds of the selected plants before converting anything (kW to W,
/// minutes to an Integer): at each documented boundary, just outside, NaN, ±infinity and an overflow. No value is clamped.
/// </summary>
public sealed class ControlFormBoundsTests
{
    /// <summary>A Dongle plant whose battery reports 5 kW maximum charge and 3 kW maximum discharge power.</summary>
    private static PlantControlFacts Plant(double? maxChargeW = 5000) =>
        new(1, "Anna's Home", "NE=1", 1, true, null, true, false, ControllerType.Dongle, true, 50, 2, maxChargeW, 3000, 10, null);

    private const double Inf = double.PositiveInfinity, NaN = double.NaN;

    private static Action<ControlForm> Set(Action<ControlForm> set) => set;

    public static TheoryData<string, ControlKind, Action<ControlForm>, string?> Rows => new()
    {
        { "duration 0", ControlKind.ChargeDischarge, Set(f => f.Minutes = 0), null },
        { "duration 1440", ControlKind.ChargeDischarge, Set(f => f.Minutes = 1440), null },
        { "duration -1", ControlKind.ChargeDischarge, Set(f => f.Minutes = -1), "from 0 to 1440 minutes; -1 minutes is outside" },
        { "duration 1441", ControlKind.ChargeDischarge, Set(f => f.Minutes = 1441), "from 0 to 1440 minutes" },
        { "duration 2.5", ControlKind.ChargeDischarge, Set(f => f.Minutes = 2.5), "whole number of minutes" },
        { "duration NaN", ControlKind.ChargeDischarge, Set(f => f.Minutes = NaN), "must be a number from 0 to 1440 minutes" },
        { "duration +infinity", ControlKind.ChargeDischarge, Set(f => f.Minutes = Inf), "from 0 to 1440 minutes" },
        { "duration -infinity", ControlKind.ChargeDischarge, Set(f => f.Minutes = -Inf), "from 0 to 1440 minutes" },
        { "duration beyond an Integer", ControlKind.ChargeDischarge, Set(f => f.Minutes = 1e10), "from 0 to 1440 minutes" },
        { "duration empty", ControlKind.ChargeDischarge, Set(f => f.Minutes = null), "Enter the duration" },

        { "target SOC 0", ControlKind.ChargeDischarge, Set(f => (f.SocControl, f.TargetSoc) = (true, 0)), null },
        { "target SOC 100", ControlKind.ChargeDischarge, Set(f => (f.SocControl, f.TargetSoc) = (true, 100)), null },
        { "target SOC -0.001", ControlKind.ChargeDischarge, Set(f => (f.SocControl, f.TargetSoc) = (true, -0.001)), "from 0 to 100 %" },
        { "target SOC 100.001", ControlKind.ChargeDischarge, Set(f => (f.SocControl, f.TargetSoc) = (true, 100.001)), "from 0 to 100 %" },
        { "target SOC NaN", ControlKind.ChargeDischarge, Set(f => (f.SocControl, f.TargetSoc) = (true, NaN)), "must be a number from 0 to 100 %" },
        { "target SOC +infinity", ControlKind.ChargeDischarge, Set(f => (f.SocControl, f.TargetSoc) = (true, Inf)), "from 0 to 100 %" },
        { "target SOC -infinity", ControlKind.ChargeDischarge, Set(f => (f.SocControl, f.TargetSoc) = (true, -Inf)), "from 0 to 100 %" },
        { "target SOC double.MaxValue", ControlKind.ChargeDischarge, Set(f => (f.SocControl, f.TargetSoc) = (true, double.MaxValue)), "from 0 to 100 %" },

        { "charge power 0.001 kW", ControlKind.ChargeDischarge, Set(f => f.PowerKw = 0.001), null },
        { "charge power at the battery's 5 kW", ControlKind.ChargeDischarge, Set(f => f.PowerKw = 5), null },
        { "charge power 0 kW", ControlKind.ChargeDischarge, Set(f => f.PowerKw = 0), "charge power must be from 0.001 to 5 kW" },
        { "charge power 5.001 kW", ControlKind.ChargeDischarge, Set(f => f.PowerKw = 5.001), "from 0.001 to 5 kW (the battery's maximum charge power)" },
        { "charge power -2 kW", ControlKind.ChargeDischarge, Set(f => f.PowerKw = -2), "from 0.001 to 5 kW" },
        { "charge power NaN", ControlKind.ChargeDischarge, Set(f => f.PowerKw = NaN), "must be a number from 0.001 to 5 kW" },
        { "charge power +infinity", ControlKind.ChargeDischarge, Set(f => f.PowerKw = Inf), "from 0.001 to 5 kW" },
        { "charge power -infinity", ControlKind.ChargeDischarge, Set(f => f.PowerKw = -Inf), "from 0.001 to 5 kW" },
        { "charge power beyond Integer watts", ControlKind.ChargeDischarge, Set(f => f.PowerKw = 2147483.648), "from 0.001 to 5 kW" },
        { "discharge power at the battery's 3 kW", ControlKind.ChargeDischarge, Set(f => (f.Action, f.PowerKw) = (ForcedAction.Discharge, 3)), null },
        { "discharge power 3.001 kW", ControlKind.ChargeDischarge, Set(f => (f.Action, f.PowerKw) = (ForcedAction.Discharge, 3.001)), "discharge power must be from 0.001 to 3 kW" },
        { "stop ignores the power", ControlKind.ChargeDischarge, Set(f => (f.Action, f.PowerKw) = (ForcedAction.Stop, NaN)), null },

        { "grid charge 0 kW", ControlKind.BatteryMode, Set(f => f.GridChargeKw = 0), null },
        { "grid charge 30 kW via Dongle", ControlKind.BatteryMode, Set(f => f.GridChargeKw = 30), null },
        { "grid charge -0.001 kW", ControlKind.BatteryMode, Set(f => f.GridChargeKw = -0.001), "from 0 to 30 kW (documented for a plant with a Dongle" },
        { "grid charge 30.001 kW", ControlKind.BatteryMode, Set(f => f.GridChargeKw = 30.001), "from 0 to 30 kW" },
        { "grid charge NaN", ControlKind.BatteryMode, Set(f => f.GridChargeKw = NaN), "must be a number from 0 to 30 kW" },
        { "grid charge +infinity", ControlKind.BatteryMode, Set(f => f.GridChargeKw = Inf), "from 0 to 30 kW" },
        { "grid charge -infinity", ControlKind.BatteryMode, Set(f => f.GridChargeKw = -Inf), "from 0 to 30 kW" },
        { "grid charge double.MaxValue", ControlKind.BatteryMode, Set(f => f.GridChargeKw = double.MaxValue), "from 0 to 30 kW" },
        { "14 TOU windows", ControlKind.BatteryMode, Set(f => f.Windows = Enumerable.Range(0, 14).Select(i => new TouWindowRow { Start = $"{i:00}:00", End = $"{i:00}:30" }).ToList()), null },
        { "15 TOU windows", ControlKind.BatteryMode, Set(f => f.Windows = Enumerable.Range(0, 15).Select(i => new TouWindowRow { Start = $"{i:00}:00", End = $"{i:00}:30" }).ToList()), "Set 1 to 14" },
        { "no TOU window", ControlKind.BatteryMode, Set(f => f.Windows = []), "Set 1 to 14" },
        { "window 00:00–23:59", ControlKind.BatteryMode, Set(f => f.Windows = [new() { Start = "00:00", End = "23:59" }]), null },
        { "window ending 24:00", ControlKind.BatteryMode, Set(f => f.Windows = [new() { Start = "00:00", End = "24:00" }]), "between 00:00 and 23:59" },

        { "end of charge 90", ControlKind.BatteryConfig, Set(f => f.EndOfChargeSoc = 90), null },
        { "end of charge 100", ControlKind.BatteryConfig, Set(f => f.EndOfChargeSoc = 100), null },
        { "end of charge 89.999", ControlKind.BatteryConfig, Set(f => f.EndOfChargeSoc = 89.999), "end-of-charge SOC must be from 90 to 100 %" },
        { "end of charge 100.001", ControlKind.BatteryConfig, Set(f => f.EndOfChargeSoc = 100.001), "from 90 to 100 %" },
        { "end of charge NaN", ControlKind.BatteryConfig, Set(f => f.EndOfChargeSoc = NaN), "must be a number from 90 to 100 %" },
        { "end of charge +infinity", ControlKind.BatteryConfig, Set(f => f.EndOfChargeSoc = Inf), "from 90 to 100 %" },
        { "end of charge -infinity", ControlKind.BatteryConfig, Set(f => f.EndOfChargeSoc = -Inf), "from 90 to 100 %" },
        { "end of charge double.MaxValue", ControlKind.BatteryConfig, Set(f => f.EndOfChargeSoc = double.MaxValue), "from 90 to 100 %" },
        { "end of discharge 0", ControlKind.BatteryConfig, Set(f => f.EndOfDischargeSoc = 0), null },
        { "end of discharge 20", ControlKind.BatteryConfig, Set(f => f.EndOfDischargeSoc = 20), null },
        { "end of discharge -0.001", ControlKind.BatteryConfig, Set(f => f.EndOfDischargeSoc = -0.001), "end-of-discharge SOC must be from 0 to 20 %" },
        { "end of discharge 20.001", ControlKind.BatteryConfig, Set(f => f.EndOfDischargeSoc = 20.001), "from 0 to 20 %" },
        { "end of discharge NaN", ControlKind.BatteryConfig, Set(f => f.EndOfDischargeSoc = NaN), "must be a number from 0 to 20 %" },
        { "end of discharge +infinity", ControlKind.BatteryConfig, Set(f => f.EndOfDischargeSoc = Inf), "from 0 to 20 %" },
        { "end of discharge -infinity", ControlKind.BatteryConfig, Set(f => f.EndOfDischargeSoc = -Inf), "from 0 to 20 %" },
        { "end of discharge -double.MaxValue", ControlKind.BatteryConfig, Set(f => f.EndOfDischargeSoc = -double.MaxValue), "from 0 to 20 %" },
        { "max charge 0 kW", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = 0), null },
        { "max charge at the battery's 5 kW", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = 5), null },
        { "max charge -0.001 kW", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = -0.001), "from 0 to 5 kW" },
        { "max charge 5.001 kW", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = 5.001), "maximum charge power must be from 0 to 5 kW (the battery's maximum charge power)" },
        { "max charge 2,000,000 kW", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = 2_000_000), "2000000 kW is outside" },
        { "max charge NaN", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = NaN), "must be a number from 0 to 5 kW" },
        { "max charge +infinity", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = Inf), "from 0 to 5 kW" },
        { "max charge -infinity", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = -Inf), "from 0 to 5 kW" },
        { "max charge beyond Integer watts", ControlKind.BatteryConfig, Set(f => f.MaxChargeKw = 2147483.648), "from 0 to 5 kW" },
        { "max discharge 0 kW", ControlKind.BatteryConfig, Set(f => f.MaxDischargeKw = 0), null },
        { "max discharge at the battery's 3 kW", ControlKind.BatteryConfig, Set(f => f.MaxDischargeKw = 3), null },
        { "max discharge -0.001 kW", ControlKind.BatteryConfig, Set(f => f.MaxDischargeKw = -0.001), "from 0 to 3 kW" },
        { "max discharge 3.001 kW", ControlKind.BatteryConfig, Set(f => f.MaxDischargeKw = 3.001), "maximum discharge power must be from 0 to 3 kW" },
        { "max discharge NaN", ControlKind.BatteryConfig, Set(f => f.MaxDischargeKw = NaN), "must be a number from 0 to 3 kW" },
        { "max discharge +infinity", ControlKind.BatteryConfig, Set(f => f.MaxDischargeKw = Inf), "from 0 to 3 kW" },
        { "max discharge -infinity", ControlKind.BatteryConfig, Set(f => f.MaxDischargeKw = -Inf), "from 0 to 3 kW" },
        { "max discharge beyond Integer watts", ControlKind.BatteryConfig, Set(f => f.MaxDischargeKw = 2147483.648), "from 0 to 3 kW" },

        { "feed-in -1000 kW", ControlKind.ActivePower, Set(f => f.FeedInKw = -1000), null },
        { "feed-in 5000 kW via Dongle", ControlKind.ActivePower, Set(f => f.FeedInKw = 5000), null },
        { "feed-in -1000.001 kW", ControlKind.ActivePower, Set(f => f.FeedInKw = -1000.001), "from -1000 to 5000 kW (documented for a plant with a Dongle" },
        { "feed-in 5000.001 kW", ControlKind.ActivePower, Set(f => f.FeedInKw = 5000.001), "from -1000 to 5000 kW" },
        { "feed-in NaN", ControlKind.ActivePower, Set(f => f.FeedInKw = NaN), "must be a number from -1000 to 5000 kW" },
        { "feed-in +infinity", ControlKind.ActivePower, Set(f => f.FeedInKw = Inf), "from -1000 to 5000 kW" },
        { "feed-in -infinity", ControlKind.ActivePower, Set(f => f.FeedInKw = -Inf), "from -1000 to 5000 kW" },
        { "feed-in double.MaxValue", ControlKind.ActivePower, Set(f => f.FeedInKw = double.MaxValue), "from -1000 to 5000 kW" },
        { "feed-in empty", ControlKind.ActivePower, Set(f => f.FeedInKw = null), "Enter the maximum feed-in power" },
        { "unlimited feed-in ignores the value", ControlKind.ActivePower, Set(f => (f.FeedInLimited, f.FeedInKw) = (false, NaN)), null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_field_is_refused_outside_its_bounds_before_anything_is_converted(string what, ControlKind kind, Action<ControlForm> set, string? refusal)
    {
        var form = new ControlForm(FusionSolarForms.Rules, kind);
        form.Select(1, true);
        set(form);

        // Grid charge and feed-in rows check the documented ranges: on a plant that reports no limits of its own.
        var problems = form.InputProblems([kind is ControlKind.BatteryMode or ControlKind.ActivePower ? Plant(maxChargeW: null) with { InverterRatedKw = null } : Plant()]);

        if (refusal is null)
        {
            Assert.True(problems.Count == 0, $"{what}: {string.Join(" | ", problems)}");
            Assert.NotNull(form.Parameters());
        }
        else
        {
            Assert.True(problems.Any(p => p.Contains(refusal, StringComparison.Ordinal)), $"{what}: expected \"{refusal}\" in: {string.Join(" | ", problems)}");
        }
    }

    [Fact]
    public void Two_million_kilowatts_is_refused_by_the_battery_and_names_its_limit()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig) { MaxChargeKw = 2_000_000 };
        form.Select(1, true);

        Assert.Equal(["The maximum charge power must be from 0 to 5 kW (the battery's maximum charge power); 2000000 kW is outside."], form.InputProblems([Plant()]));
    }

    [Fact]
    public void Without_a_selected_plant_only_the_wire_bounds_the_power_and_its_edge_is_exact()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig) { MaxChargeKw = 2147483.647 };
        Assert.Empty(form.InputProblems());
        Assert.Equal(int.MaxValue, ((BatteryLimitParameters)form.Parameters()).MaxChargeW);

        form.MaxChargeKw = 2147483.648;
        Assert.Contains(form.InputProblems(), p => p.Contains("the most FusionSolar's Integer watts can carry"));
        Assert.Throws<OverflowException>(() => form.Parameters());
    }

    [Fact]
    public void A_plant_that_has_not_reported_its_battery_maximum_is_named()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig) { MaxChargeKw = 1 };
        form.Select(1, true);

        var problem = Assert.Single(form.InputProblems([Plant(maxChargeW: null)]));

        Assert.Contains("Anna's Home: the battery has not reported its maximum charge power yet", problem);
    }

    [Fact]
    public void A_fraction_of_a_minute_is_refused_and_never_truncated()
    {
        var form = new ControlForm(FusionSolarForms.Rules) { Minutes = 2.5 };

        Assert.Contains(form.InputProblems(), p => p.Contains("whole number of minutes"));
        Assert.Throws<OverflowException>(() => form.Parameters());
    }
}
