using Bunit;
using SolarDashboard.Components.Monitoring;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.RawValues;

namespace SolarDashboard.Tests.Web.Monitoring;

/// <summary>Issue 14, "Numbers, times": empty raw keys behind "show all", instants in plant time, powers scaled to their size.</summary>
public sealed class TelemetryGroupsTests : MudTestContext
{
    private static readonly IReadOnlyList<RawValueGroup> Groups =
    [
        new("AC", [new("active_power", "Active power", "kW", RawValueKind.Number, 0.38, null), new("reactive_power", "Reactive power", "kvar", RawValueKind.Number, null, null)]),
        new("Other", [new("open_time", "Startup time", "", RawValueKind.Time, 1_781_690_400_000, null), new("mppt_power", "MPPT power", "kW", RawValueKind.Number, null, null)]),
    ];

    [Fact]
    public void Keys_without_a_value_are_hidden_until_show_all_is_pressed()
    {
        var cut = Render<TelemetryGroups>(p => p.Add(c => c.Groups, Groups).Add(c => c.TimeZoneId, "+02:00"));
        Assert.Equal(["active_power", "open_time"], cut.FindAll("tr[data-kpi]").Select(r => r.GetAttribute("data-kpi")));
        Assert.Contains("Show all (2 without a value)", cut.Find("[data-testid=raw-show-all]").TextContent);
        cut.Find("[data-testid=raw-show-all]").Click();
        Assert.Equal(["active_power", "reactive_power", "open_time", "mppt_power"], cut.FindAll("tr[data-kpi]").Select(r => r.GetAttribute("data-kpi")));
    }

    [Fact]
    public void An_instant_reads_in_plant_time_and_a_small_power_in_watts()
    {
        var cut = Render<TelemetryGroups>(p => p.Add(c => c.Groups, Groups).Add(c => c.TimeZoneId, "+02:00"));
        Assert.Equal("380 W", cut.Find("tr[data-kpi=active_power] td").TextContent);
        // 1 781 690 400 000 ms is 2026-06-17 10:00 UTC: noon in the plant.
        Assert.Equal(Format.PlantTime(DateTimeOffset.FromUnixTimeMilliseconds(1_781_690_400_000), "+02:00"), cut.Find("tr[data-kpi=open_time] td").TextContent);
        Assert.StartsWith("2026-06-17 12:00", cut.Find("tr[data-kpi=open_time] td").TextContent);
    }

    [Theory]
    [InlineData(0.38, "380 W")]
    [InlineData(-0.0004, "0 W")]
    [InlineData(4.321, "4.32 kW")]
    [InlineData(-250.44, "-250.4 kW")]
    [InlineData(1250.0, "1.25 MW")]
    [InlineData(null, "—")]
    public void Powers_are_scaled_to_their_size_and_never_read_minus_zero(double? kw, string expected) => Assert.Equal(expected, Format.Kw(kw));
}
