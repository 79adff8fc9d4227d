using Bunit;
using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>What an operator types in the settings sections reaches the parameters in FusionSolar's units and signs.</summary>
public sealed class ControlSettingsTests : MudTestContext
{
    private static PlantControlFacts Plant(double maxChargeW, double maxDischargeW) =>
        new(1, "Anna's Home", "NE=1", 1, true, null, true, false, ControllerType.Dongle, true, 50, 2, maxChargeW, maxDischargeW, 10, null);

    [Fact]
    public void A_discharge_typed_in_kilowatts_is_sent_as_negative_watts()
    {
        var form = new ControlForm(FusionSolarForms.Rules);
        form.Select(1, true);
        var section = Render<ChargeDischargeSettings>(p => p.Add(c => c.Form, form).Add(c => c.Plants, [Plant(5000, 3000)]));

        section.FindAll("[data-testid=action] .mud-toggle-item").Single(b => b.TextContent.Trim() == "Discharge").Click();
        section.Find("input[data-testid=power-kw]").Change("2.5");
        section.Find("input[data-testid=minutes]").Change("45");

        var p = Assert.IsType<ChargeDischargeParameters>(form.Parameters());
        Assert.Equal((ForcedAction.Discharge, -2500, 45), (p.Action, p.PowerW!.Value, p.Minutes!.Value));
        Assert.Contains("Sent as negative watts", section.Markup);
        Assert.Contains("At most 3 kW for the selected plants.", section.Markup);
    }

    [Fact]
    public void A_charge_typed_in_kilowatts_is_sent_as_positive_watts()
    {
        var form = new ControlForm(FusionSolarForms.Rules);
        var section = Render<ChargeDischargeSettings>(p => p.Add(c => c.Form, form));

        section.Find("input[data-testid=power-kw]").Change("1.25");

        Assert.Equal(1250, ((ChargeDischargeParameters)form.Parameters()).PowerW);
        Assert.Contains("Sent as positive watts", section.Markup);
    }

    [Fact]
    public void Battery_powers_typed_in_kilowatts_are_sent_in_watts()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig);
        var changes = 0;
        var section = Render<BatteryLimitSettings>(p => p.Add(c => c.Form, form).Add(c => c.Changed, () => changes++));

        section.Find("input[data-testid=max-charge-kw]").Change("3.3");
        section.Find("input[data-testid=max-discharge-kw]").Change("0.8");

        var p = Assert.IsType<BatteryLimitParameters>(form.Parameters());
        Assert.Equal((3300, 800), (p.MaxChargeW!.Value, p.MaxDischargeW!.Value));
        Assert.Equal(2, changes);
    }

    [Fact]
    public void The_feed_in_limit_is_sent_in_kilowatts_and_its_range_shown()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.ActivePower);
        form.Select(1, true);
        var section = Render<FeedInSettings>(p => p.Add(c => c.Form, form).Add(c => c.Plants, [Plant(5000, 3000)]));

        section.Find("input[data-testid=feed-kw]").Change("1.5");

        Assert.Equal(new FeedInParameters(true, 1.5, false), form.Parameters());
        Assert.Contains("Allowed for the selected plants: -10 to 10 kW (the plant's rated power).", section.Markup);
    }

    [Fact]
    public void Preparing_manual_control_switches_the_form_to_practice_2()
    {
        var form = new ControlForm(FusionSolarForms.Rules);
        var section = Render<ChargeDischargeSettings>(p => p.Add(c => c.Form, form));

        section.Find("[data-testid=practice-2]").Click();

        section.WaitForAssertion(() => Assert.Equal(ControlKind.BatteryMode, form.Kind));
        Assert.True(ManualControl.Is(form.Parameters()));
    }
}
