using SolarDashboard.Core.Connections;
using MudBlazor;
using SolarDashboard.Components.Monitoring;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Tests.Web;

/// <summary>The plain classes behind the monitoring pages: period navigation, plant filters and the grids' server-side pages.</summary>
public sealed class MonitoringStateTests
{
    private static readonly DateOnly Today = new(2026, 12, 1); // the first of a month: the previous month must still be reachable

    [Fact]
    public void The_energy_period_steps_back_through_days_months_and_years_and_never_past_today()
    {
        var day = EnergyPeriod.Day(Today);
        Assert.Equal("Tue 1 Dec 2026", day.Label);
        Assert.False(day.CanMoveNext);
        Assert.Equal("Mon 30 Nov 2026", day.Step(-1).Label);
        Assert.Equal(("2026-11-30T00:00", "2026-11-30T23:00"), (day.Step(-1).Keys().From, day.Step(-1).Keys().To));

        var month = day.WithPeriod(ReportPeriod.Day);
        Assert.Equal("December 2026", month.Label);
        var november = month.Step(-1);
        Assert.Equal("November 2026", november.Label);
        Assert.True(november.CanMoveNext);
        Assert.Equal(("2026-11-01", "2026-11-31"), (november.Keys().From, november.Keys().To));
        Assert.Equal("December 2026", november.Step(1).Step(1).Label); // clamped to today

        var year = november.WithPeriod(ReportPeriod.Month);
        Assert.Equal("2026", year.Label);
        Assert.Equal("Mar", year.Keys().BarLabel("2026-03"));
        Assert.Equal("2025", year.Step(-1).Label);
        var lifetime = year.WithPeriod(ReportPeriod.Year);
        Assert.False(lifetime.CanMove);
        Assert.Equal("all years", lifetime.Label);
    }

    [Fact]
    public void A_new_plant_day_keeps_the_period_being_looked_at()
    {
        var november = EnergyPeriod.Day(Today).WithPeriod(ReportPeriod.Day).Step(-1);
        Assert.Equal("November 2026", november.WithToday(Today.AddDays(1)).Label);
        Assert.Equal(Today, EnergyPeriod.Day(Today.AddDays(1)).WithToday(Today).Anchor);
    }

    private static PlantSummary Plant(int id, string name, string? address, Health health, string vendor = "FusionSolar", int connection = 1, double? power = null)
    {
        var none = new AgedValue(null, null, false);
        return new(id, connection, vendor, name, address, 10, "Europe/Berlin", health, new AgedValue(power, null, false), none, none, new AlarmCounts(0, 0, 0, 0), null, false, none, ConnectionState.Connected);
    }

    private static readonly PlantSummary[] Fleet =
    [
        Plant(1, "Berlin Residence 1", "42 Lindenweg, Berlin", Health.Healthy, power: 2),
        Plant(2, "Munich Logistics Roof 1", "78 Sonnenstraße, Munich", Health.Faulty, power: 40),
        Plant(3, "Lisbon Residence 1", "106 Rua do Sol, Lisbon", Health.Healthy, vendor: "ATESS", connection: 2, power: null),
    ];

    [Theory]
    [InlineData("berlin", null, null, null, new[] { 1 })]
    [InlineData("sonnenstr", null, null, null, new[] { 2 })] // the address counts
    [InlineData("", Health.Healthy, null, null, new[] { 1, 3 })]
    [InlineData("", null, "ATESS", null, new[] { 3 })]
    [InlineData("residence", Health.Healthy, null, 1, new[] { 1 })]
    [InlineData("nowhere", null, null, null, new int[0])]
    public void The_plant_filters_combine(string search, Health? health, string? vendor, int? connection, int[] expected) =>
        Assert.Equal(expected, new PlantFilter(search, health, vendor, connection).Apply(Fleet).Select(p => p.Id));

    [Theory]
    [InlineData("battery", new[] { 2 })]
    [InlineData("LISBON", new[] { 1, 2 })]
    [InlineData("SUN2000", new[] { 1 })]
    [InlineData("", new[] { 1, 2, 3 })]
    public void The_device_search_looks_at_name_type_plant_and_model(string search, int[] expected)
    {
        DeviceRow[] rows =
        [
            new(1, "Inverter-1", "Residential inverter", 7, "Lisbon Residence 1", "SUN2000-8KTL-M1", null, false),
            new(2, "Battery-1", "Battery", 7, "Lisbon Residence 1", null, null, false),
            new(3, "Meter-1", "Power sensor", 8, "Berlin Residence 1", null, null, false),
        ];
        Assert.Equal(expected, rows.Where(r => r.Matches(search)).Select(r => r.Id));
    }

    [Fact]
    public void A_grid_page_is_sorted_as_asked_and_cut_on_the_server()
    {
        var byPower = new SortDefinition<PlantSummary>("Power", true, 0, p => p.CurrentPowerKw.Value!, null);
        var page = GridPaging.Page(Fleet, new GridState<PlantSummary> { Page = 0, PageSize = 2, SortDefinitions = [byPower] });
        Assert.Equal(3, page.TotalItems);
        Assert.Equal([2, 1], page.Items.Select(p => p.Id)); // the plant without a value sorts last, on the next page
        var second = GridPaging.Page(Fleet, new GridState<PlantSummary> { Page = 1, PageSize = 2, SortDefinitions = [byPower] });
        Assert.Equal([3], second.Items.Select(p => p.Id));
    }
}
