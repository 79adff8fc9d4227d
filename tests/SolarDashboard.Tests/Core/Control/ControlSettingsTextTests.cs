using SolarDashboard.Core.Control;

namespace SolarDashboard.Tests.Core.Control;

/// <summary>A task's page says what was sent in words an operator reads, never as JSON.</summary>
public sealed class ControlSettingsTextTests
{
    [Fact]
    public void A_forced_charge_to_a_target_soc_reads_as_a_sentence()
    {
        var text = ControlSettingsText.Describe(new ChargeDischargeParameters(ForcedAction.Charge, true, 80, null, 3000));

        Assert.Equal("Forced charge at 3.0 kW until 80 % SOC", text);
    }

    [Fact]
    public void A_forced_discharge_for_a_duration_gives_hours_and_minutes_and_the_default_power()
    {
        Assert.Equal("Forced discharge at the default power, for 2 h", ControlSettingsText.Describe(new ChargeDischargeParameters(ForcedAction.Discharge, false, null, 120, null)));
        Assert.Equal("Forced discharge at 2.5 kW, for 1 h 30 min", ControlSettingsText.Describe(new ChargeDischargeParameters(ForcedAction.Discharge, false, null, 90, -2500)));
        Assert.Equal("Forced charge at 1.0 kW, for 45 min", ControlSettingsText.Describe(new ChargeDischargeParameters(ForcedAction.Charge, false, null, 45, 1000)));
        Assert.Equal("Stop the forced charge or discharge", ControlSettingsText.Describe(new ChargeDischargeParameters(ForcedAction.Stop, false, null, null, null)));
    }

    [Fact]
    public void A_tou_schedule_lists_its_windows_with_their_days()
    {
        var mode = new BatteryModeParameters(true, SurplusPv.Charge, 3, [new("01:00", "05:00", true, [1, 2, 3, 4, 5, 6, 7]), new("17:00", "21:00", false, [1, 2, 3, 4, 5])]);

        Assert.Equal("Time of use: charge 01:00–05:00 every day; discharge 17:00–21:00 on Mon–Fri. Surplus PV goes to the battery first; charging from the grid at up to 3.0 kW",
            ControlSettingsText.Describe(mode));
        Assert.Equal("Maximum self-consumption", ControlSettingsText.Describe(BatteryModeParameters.MaximumSelfConsumption));
    }

    [Fact]
    public void Battery_parameters_and_feed_in_limits_name_their_values_and_units()
    {
        Assert.Equal("Battery parameters: end-of-charge SOC 95 %, maximum charge power 2.5 kW",
            ControlSettingsText.Describe(new BatteryLimitParameters(95, null, 2500, null)));
        Assert.Equal("Feed-in to the grid limited to 1.0 kW in total", ControlSettingsText.Describe(new FeedInParameters(true, 1, false)));
        Assert.Equal("Feed-in to the grid limited to 0.5 kW per phase", ControlSettingsText.Describe(new FeedInParameters(true, 0.5, true)));
        Assert.Equal("Feed-in to the grid: unlimited", ControlSettingsText.Describe(new FeedInParameters(false, null, false)));
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7 }, "every day")]
    [InlineData(new[] { 6, 7 }, "on Sat, Sun")]
    [InlineData(new[] { 1, 3, 4, 5 }, "on Mon, Wed–Fri")]
    [InlineData(new[] { 5, 1, 2, 3 }, "on Mon–Wed, Fri")]
    public void Repeat_days_read_as_ranges(int[] days, string text) => Assert.Equal(text, ControlSettingsText.Days(days));
}
