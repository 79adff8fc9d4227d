using Bunit;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Tests.Web;

/// <summary>The energy flow picture: each leg's direction and its plain word, from Core's signs (battery + charging, grid + importing).</summary>
public sealed class EnergyFlowTests : MudTestContext
{
    private static EnergyFlow Flow(double? pv = 3, double? battery = null, double? grid = null, double? load = 1, bool stale = false) =>
        new(pv, battery, grid, load, MudTestContext.Now, stale);

    private (string Direction, string Text) Leg(EnergyFlow flow, string leg)
    {
        var node = Render<EnergyFlowView>(p => p.Add(v => v.Flow, flow)).Find($"[data-flow={leg}]");
        return (node.GetAttribute("data-direction")!, node.TextContent);
    }

    [Theory]
    [InlineData(2.5, "out", "charging", "2.50 kW")]
    [InlineData(-1.25, "in", "discharging", "1.25 kW")]
    [InlineData(0.001, "none", "idle", "1 W")]
    public void The_battery_leg_says_whether_it_charges_or_discharges(double kw, string direction, string word, string power)
    {
        var (dir, text) = Leg(Flow(battery: kw), "battery");
        Assert.Equal(direction, dir);
        Assert.Contains(word, text);
        Assert.Contains(power, text); // unsigned: the word carries the sign
        if (word == "charging") Assert.DoesNotContain("discharging", text);
    }

    [Theory]
    [InlineData(4.0, "in", "from grid")]
    [InlineData(-3.0, "out", "to grid")]
    [InlineData(0.0, "none", "balanced")]
    public void The_grid_leg_says_whether_energy_comes_from_or_goes_to_the_grid(double kw, string direction, string word)
    {
        var (dir, text) = Leg(Flow(grid: kw), "grid");
        Assert.Equal(direction, dir);
        Assert.Contains(word, text);
        Assert.DoesNotContain("-", text);
    }

    [Fact]
    public void Solar_flows_in_and_the_home_takes_out_and_a_missing_value_reads_as_a_dash()
    {
        Assert.Equal("in", Leg(Flow(pv: 3), "pv").Direction);
        Assert.Equal("out", Leg(Flow(load: 1), "load").Direction);
        var (dir, text) = Leg(Flow(battery: null), "battery");
        Assert.Equal("none", dir);
        Assert.Contains("—", text);
        Assert.DoesNotContain("idle", text);
    }

    [Fact]
    public void The_animated_lines_run_the_way_the_energy_flows()
    {
        var view = Render<EnergyFlowView>(p => p.Add(v => v.Flow, Flow(pv: 3, battery: 2, grid: -1, load: 0)));
        var lines = view.FindAll("line").Select(l => l.GetAttribute("class")).ToList();
        Assert.Equal(["sd-flow-line sd-flow-active sd-flow-in", "sd-flow-line", "sd-flow-line sd-flow-active sd-flow-out", "sd-flow-line sd-flow-active sd-flow-out"], lines);
    }

    [Fact]
    public void A_stale_flow_is_marked()
    {
        var view = Render<EnergyFlowView>(p => p.Add(v => v.Flow, Flow(stale: true)));
        Assert.Contains("sd-stale", view.Find(".sd-flow").ClassList);
    }
}
