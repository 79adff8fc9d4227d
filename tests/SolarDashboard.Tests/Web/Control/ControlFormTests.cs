using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>The control form turns what an operator types into the parameters of reference 5.2.</summary>
public sealed class ControlFormTests
{
    private static PlantControlFacts Plant(int id, ControllerType controller = ControllerType.Dongle, double? maxChargeW = null) =>
        new(id, $"Plant {id}", $"NE={id}", 1, true, null, true, false, controller, true, 50, 2, maxChargeW, 5000, 10, null);

    [Fact]
    public void A_forced_charge_sends_its_power_in_positive_watts()
    {
        var form = new ControlForm(FusionSolarForms.Rules) { Action = ForcedAction.Charge, PowerKw = 2.5 };

        var p = Assert.IsType<ChargeDischargeParameters>(form.Parameters());

        Assert.Equal(2500, p.PowerW);
    }

    [Fact]
    public void A_forced_discharge_sends_its_power_in_negative_watts()
    {
        var form = new ControlForm(FusionSolarForms.Rules) { Action = ForcedAction.Discharge, PowerKw = 1.2345 };

        var p = Assert.IsType<ChargeDischargeParameters>(form.Parameters());

        Assert.Equal(-1235, p.PowerW);
    }

    [Fact]
    public void Stop_sends_no_power_and_no_power_means_the_default()
    {
        Assert.Null(((ChargeDischargeParameters)new ControlForm(FusionSolarForms.Rules) { Action = ForcedAction.Stop, PowerKw = 3 }.Parameters()).PowerW);
        Assert.Null(((ChargeDischargeParameters)new ControlForm(FusionSolarForms.Rules) { Action = ForcedAction.Charge, PowerKw = null }.Parameters()).PowerW);
    }

    [Fact]
    public void Duration_control_sends_minutes_and_soc_control_sends_the_target_only()
    {
        var byDuration = (ChargeDischargeParameters)new ControlForm(FusionSolarForms.Rules) { Minutes = 90, TargetSoc = 80 }.Parameters();
        var bySoc = (ChargeDischargeParameters)new ControlForm(FusionSolarForms.Rules) { SocControl = true, Minutes = 90, TargetSoc = 80 }.Parameters();

        Assert.Equal((90, (double?)null), (byDuration.Minutes, byDuration.TargetSoc));
        Assert.Equal(((int?)null, 80.0), (bySoc.Minutes, bySoc.TargetSoc));
    }

    [Fact]
    public void Battery_parameters_send_maximum_powers_in_watts()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig) { EndOfChargeSoc = 95, MaxChargeKw = 3.3, MaxDischargeKw = 0.5 };

        var p = Assert.IsType<BatteryLimitParameters>(form.Parameters());

        Assert.Equal((95.0, (double?)null, 3300, 500), (p.EndOfChargeSoc, p.EndOfDischargeSoc, p.MaxChargeW, p.MaxDischargeW));
    }

    [Theory]
    [InlineData(2_000_000_000.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void A_power_that_does_not_fit_the_wire_is_refused_not_clamped(double kw)
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig) { MaxChargeKw = kw };

        Assert.Contains(form.InputProblems(), p => p.Contains("maximum charge power"));
        Assert.Throws<OverflowException>(() => form.Parameters());
    }

    [Fact]
    public void A_negative_power_is_refused_because_the_action_gives_the_direction()
    {
        var form = new ControlForm(FusionSolarForms.Rules) { Action = ForcedAction.Discharge, PowerKw = -2 };

        Assert.Equal(["The discharge power must be from 0.001 to 2147483.647 kW (the most FusionSolar's Integer watts can carry); -2 kW is outside."], form.InputProblems());
    }

    [Fact]
    public void Tou_mode_carries_its_windows_and_grid_power_and_self_consumption_carries_none()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryMode) { Surplus = SurplusPv.Charge, GridChargeKw = 4 };
        form.Windows[0].ToggleDay(7);

        var tou = Assert.IsType<BatteryModeParameters>(form.Parameters());
        form.Tou = false;

        Assert.Equal((SurplusPv.Charge, 4.0, 2), (tou.SurplusPriority!.Value, tou.MaxGridChargeKw!.Value, tou.Windows.Count));
        var w = tou.Windows[0];
        Assert.Equal(("01:00", "05:00", true, "1,2,3,4,5,6"), (w.Start, w.End, w.Charge, string.Join(",", w.Days)));
        Assert.Same(BatteryModeParameters.MaximumSelfConsumption, form.Parameters());
    }

    [Fact]
    public void An_unlimited_feed_in_sends_no_power()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.ActivePower) { FeedInKw = 2, FeedInLimited = false, PerPhase = true };

        Assert.Equal(new FeedInParameters(false, null, true), form.Parameters());
    }

    [Fact]
    public void Kept_plants_keep_their_settings_while_the_form_moves_on()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.ActivePower) { FeedInKw = 1 };
        form.Select(1, true);
        form.KeepSelected();
        form.FeedInKw = 4;
        form.Select(2, true);

        var requests = form.Requests();

        Assert.DoesNotContain(1, form.Selected);
        Assert.Equal([(1, 1.0), (2, 4.0)], requests.Select(r => (r.PlantId, ((FeedInParameters)r.Parameters).MaxFeedInKw!.Value)));
    }

    [Fact]
    public void A_selected_plant_overrides_its_kept_settings()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.ActivePower) { FeedInKw = 1 };
        form.Select(1, true);
        form.KeepSelected();
        form.FeedInKw = 2;
        form.Select(1, true);

        Assert.Equal(2.0, ((FeedInParameters)Assert.Single(form.Requests()).Parameters).MaxFeedInKw);
    }

    [Fact]
    public void Another_kind_lets_kept_plants_go_because_one_task_is_one_kind()
    {
        var form = new ControlForm(FusionSolarForms.Rules);
        form.Select(1, true);
        form.KeepSelected();

        form.ChangeKind(ControlKind.ChargeDischarge);
        Assert.Single(form.Kept);
        form.ChangeKind(ControlKind.ActivePower);

        Assert.Empty(form.Kept);
    }

    [Fact]
    public void Editing_a_kept_plant_brings_its_settings_back_in_kilowatts()
    {
        var form = new ControlForm(FusionSolarForms.Rules) { Action = ForcedAction.Discharge, PowerKw = 1.5, Minutes = 30 };
        form.Select(7, true);
        form.KeepSelected();
        form.PowerKw = null;

        form.Edit(form.Kept[0]);

        Assert.Equal((ForcedAction.Discharge, 1.5, 30.0, 7), (form.Action, form.PowerKw!.Value, form.Minutes!.Value, Assert.Single(form.Selected)));
        Assert.Empty(form.Kept);
    }

    [Fact]
    public void Manual_control_prepares_practice_2_of_the_reference()
    {
        var form = new ControlForm(FusionSolarForms.Rules);
        form.Select(3, true);
        form.KeepSelected();

        form.PrepareManualControl();

        Assert.Equal(ControlKind.BatteryMode, form.Kind);
        Assert.Empty(form.Kept);
        Assert.True(ManualControl.Is(form.Parameters()));
    }

    [Fact]
    public void The_request_key_stays_until_a_task_is_sent()
    {
        var form = new ControlForm(FusionSolarForms.Rules);
        var key = form.RequestKey;
        form.Select(1, true);
        form.PowerKw = 2;

        Assert.Equal(key, form.RequestKey);
        form.Sent();

        Assert.NotEqual(key, form.RequestKey);
        Assert.Empty(form.Selected);
    }

    [Fact]
    public void The_range_note_gives_what_every_selected_plant_accepts()
    {
        var plants = new[] { Plant(1, ControllerType.Dongle), Plant(2, ControllerType.Inverter, maxChargeW: 5000), Plant(3, ControllerType.Emma) };
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryMode);

        Assert.Equal("The allowed range depends on each plant's controller.", form.RangeNote(plants, ControlField.GridChargePower));
        form.Select(1, true);
        form.Select(2, true);

        Assert.Equal("Allowed for the selected plants: 0 to 5 kW (for every selected plant).", form.RangeNote(plants, ControlField.GridChargePower));
    }
}
