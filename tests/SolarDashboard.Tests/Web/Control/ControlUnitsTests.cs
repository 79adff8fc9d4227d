using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Web.Control;

public sealed class ControlUnitsTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(2.5, 2500)]
    [InlineData(0.0005, 1)]
    [InlineData(-0.0005, -1)]
    [InlineData(2147483.647, int.MaxValue)]
    public void Kilowatts_become_whole_watts(double kw, int watts)
    {
        Assert.True(ControlUnits.TryWatts(kw, out var w));
        Assert.Equal(watts, w);
    }

    [Theory]
    [InlineData(2147483.648)]
    [InlineData(-2147483.649)]
    [InlineData(1e10)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Kilowatts_beyond_the_wire_format_are_refused(double kw) => Assert.False(ControlUnits.TryWatts(kw, out _));

    [Fact]
    public void Discharge_is_negative_on_the_wire_and_charge_positive()
    {
        Assert.Equal(-1500, ControlUnits.Dispatch(ForcedAction.Discharge, 1500));
        Assert.Equal(1500, ControlUnits.Dispatch(ForcedAction.Charge, 1500));
        Assert.Equal(1.5, ControlUnits.Kilowatts(1500));
    }
}
