using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.Simulation;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>The simulated fleet obeys physics and bookkeeping: balance, bounds, monotonic counters, reports that add up.</summary>
public sealed class PhysicsTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private SandboxWorld World => _sandbox.World;

    public async Task InitializeAsync() => _sandbox = await SandboxHost.StartAsync(o => o.FlowControl = SolarDashboard.Sandbox.FlowControlMode.Relaxed);

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private IEnumerable<(SimPlant Plant, IReadOnlyList<Interval> Intervals)> LastTwoDays()
    {
        var now = World.Clock.UtcNow;
        foreach (var plant in World.Fleet.Plants)
        {
            var sim = World.Simulator(plant);
            var today = plant.LocalDate(now);
            yield return (plant, [.. sim.DayIntervals(today.AddDays(-1), now), .. sim.DayIntervals(today, now)]);
        }
    }

    [Fact]
    public void The_fleet_has_the_documented_accounts_kinds_and_time_zones()
    {
        var fleet = World.Fleet;
        Assert.True(fleet.Installer.PlantCodes.Count >= 12);
        Assert.Equal(new[] { 1, 2 }, fleet.Owners.Select(o => o.PlantCodes.Count));
        Assert.True(fleet.Plants.Select(p => p.Zone.BaseUtcOffset).Distinct().Count() >= 3);
        var types = fleet.Devices.Select(d => d.TypeId).ToHashSet();
        foreach (var t in new[] { 38, 39, 47, 62, 1, 17, 41, 10, 2 }) Assert.Contains(t, types);
        Assert.Contains(fleet.Plants, p => !p.ControllerOnline);
        Assert.Equal(FleetFactory.Build(World.Seed, new(), World.Clock.UtcNow).Plants.Select(p => p.Code), fleet.Plants.Select(p => p.Code));
    }

    [Fact]
    public void Every_interval_balances_pv_battery_grid_and_load()
    {
        foreach (var (plant, intervals) in LastTwoDays())
            foreach (var i in intervals)
            {
                var supply = i.PvAcKw + Math.Max(0, -i.BatteryKw) + Math.Max(0, i.GridKw);
                var demand = i.LoadKw + Math.Max(0, i.BatteryKw) + Math.Max(0, -i.GridKw);
                Assert.True(Math.Abs(supply - demand) < 1e-9, $"{plant.Name} {i.Start}: supply {supply} ≠ demand {demand}");
                Assert.True(i.PvAcKw <= i.PvDcKw + 1e-9);
            }
    }

    [Fact]
    public void Soc_stays_within_the_battery_limits_and_counters_never_fall()
    {
        foreach (var (plant, intervals) in LastTwoDays())
        {
            Counters? previous = null;
            foreach (var i in intervals)
            {
                Assert.InRange(i.SocEnd, 0, 100);
                if (previous is { } p)
                {
                    Assert.True(i.End.PvAc >= p.PvAc && i.End.Import >= p.Import && i.End.Export >= p.Export
                        && i.End.Charge >= p.Charge && i.End.Discharge >= p.Discharge, $"{plant.Name} counters fell at {i.Start}");
                }
                previous = i.End;
            }
        }
    }

    [Fact]
    public void Plants_produce_by_day_and_not_at_night()
    {
        var now = World.Clock.UtcNow;
        var berlin = World.Fleet.Plants.First(p => p.Zone.Id == "Europe/Berlin");
        var day = World.Simulator(berlin).DayIntervals(berlin.LocalDate(now).AddDays(-1), now);
        Assert.All(day.Where(i => berlin.ToLocal(i.Start).Hour is < 3 or >= 23), i => Assert.Equal(0, i.PvAcKw));
        Assert.Contains(day, i => berlin.ToLocal(i.Start).Hour is >= 11 and <= 14 && i.PvAcKw > 0.2 * berlin.CapacityKwp);
    }

    [Fact]
    public async Task The_daily_report_equals_the_sum_of_the_5_minute_history_in_plant_time()
    {
        var token = await _sandbox.LoginAsync();
        var plant = World.Fleet.PlantsByCode[World.Fleet.Installer.PlantCodes[0]];
        var inverter = World.Fleet.DevicesByPlant[plant.Code].First(d => d.TypeId == DevType.ResidentialInverter);
        var meter = World.Fleet.DevicesByPlant[plant.Code].First(d => d.TypeId == DevType.PowerSensor);
        var yesterday = plant.LocalDate(World.Clock.UtcNow).AddDays(-1);
        var start = plant.LocalMidnightUtc(yesterday).ToUnixTimeMilliseconds();
        var end = plant.LocalMidnightUtc(yesterday.AddDays(1)).ToUnixTimeMilliseconds() - 1;

        var history = await _sandbox.PostAsync("thirdData/getDevHistoryKpi", $$"""{"devIds":"{{inverter.Id}}","devTypeId":38,"startTime":{{start}},"endTime":{{end}}}""", xsrf: token);
        var samples = history["data"]!.AsArray().Select(s => s!["dataItemMap"]!.AsObject()).ToList();
        Assert.Equal(288, samples.Count);
        var energyFromPower = samples.Sum(m => m["active_power"]!.GetValue<double>()) * 5 / 60;
        var lastDayCap = samples[^1]["day_cap"]!.GetValue<double>();

        var meterHistory = await _sandbox.PostAsync("thirdData/getDevHistoryKpi", $$"""{"devIds":"{{meter.Id}}","devTypeId":47,"startTime":{{start}},"endTime":{{end}}}""", xsrf: token);
        var feedIn = meterHistory["data"]!.AsArray().Sum(s => Math.Max(0, s!["dataItemMap"]!["active_power"]!.GetValue<double>())) / 1000 * 5 / 60;

        var report = await _sandbox.PostAsync("thirdData/getKpiStationDay", $$"""{"stationCodes":"{{plant.Code}}","collectTime":{{start}}}""", xsrf: token);
        var day = report["data"]!.AsArray().Single(d => d!["collectTime"]!.GetValue<long>() == start)!["dataItemMap"]!;
        Assert.Equal(day["inverterYield"]!.GetValue<double>(), energyFromPower, 1);
        Assert.Equal(day["inverterYield"]!.GetValue<double>(), lastDayCap, 1);
        Assert.Equal(day["ongrid_power"]!.GetValue<double>(), feedIn, 1);

        var hours = await _sandbox.PostAsync("thirdData/getKpiStationHour", $$"""{"stationCodes":"{{plant.Code}}","collectTime":{{start}}}""", xsrf: token);
        Assert.Equal(24, hours["data"]!.AsArray().Count);
        Assert.Equal(day["inverterYield"]!.GetValue<double>(), hours["data"]!.AsArray().Sum(h => h!["dataItemMap"]!["inverterYield"]!.GetValue<double>()), 1);
    }

    [Fact]
    public async Task Monthly_and_yearly_reports_add_up_from_the_days()
    {
        var token = await _sandbox.LoginAsync();
        var plant = World.Fleet.PlantsByCode[World.Fleet.Installer.PlantCodes[1]];
        var now = World.Clock.UnixMs;
        var days = await _sandbox.PostAsync("thirdData/getKpiStationDay", $$"""{"stationCodes":"{{plant.Code}}","collectTime":{{now}}}""", xsrf: token);
        var months = await _sandbox.PostAsync("thirdData/getKpiStationMonth", $$"""{"stationCodes":"{{plant.Code}}","collectTime":{{now}}}""", xsrf: token);
        var years = await _sandbox.PostAsync("thirdData/getKpiStationYear", $$"""{"stationCodes":"{{plant.Code}}","collectTime":{{now}}}""", xsrf: token);
        static double Sum(JsonObject a, string key) => a["data"]!.AsArray().Sum(x => x!["dataItemMap"]![key]!.GetValue<double>());
        var thisMonth = months["data"]!.AsArray()[^1]!["dataItemMap"]!;
        Assert.Equal(Sum(days, "inverterYield"), thisMonth["inverterYield"]!.GetValue<double>(), 0);
        var thisYear = years["data"]!.AsArray()[^1]!["dataItemMap"]!;
        Assert.Equal(Sum(months, "use_power"), thisYear["use_power"]!.GetValue<double>(), 0);
        var realTime = await _sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{plant.Code}}"}""", xsrf: token);
        Assert.Equal(Sum(years, "inverterYield"), realTime["data"]![0]!["dataItemMap"]!["total_power"]!.GetValue<double>(), 0);
    }

    [Fact]
    public async Task Real_time_values_match_the_latest_history_sample()
    {
        var token = await _sandbox.LoginAsync();
        var battery = World.Fleet.Devices.First(d => d.TypeId == DevType.Battery);
        var now = World.Clock.UnixMs;
        var real = await _sandbox.PostAsync("thirdData/getDevRealKpi", $$"""{"devIds":"{{battery.Id}}","devTypeId":39}""", xsrf: token);
        var history = await _sandbox.PostAsync("thirdData/getDevHistoryKpi", $$"""{"devIds":"{{battery.Id}}","devTypeId":39,"startTime":{{now - 3_600_000}},"endTime":{{now}}}""", xsrf: token);
        Assert.Equal(history["data"]!.AsArray()[^1]!["dataItemMap"]!.ToJsonString(), real["data"]![0]!["dataItemMap"]!.ToJsonString());
    }

    [Fact]
    public async Task Time_runs_at_the_configured_scale()
    {
        await using var fast = await SandboxHost.StartAsync(o => o.TimeScale = 60);
        var before = fast.World.Clock.UtcNow;
        fast.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromHours(1), fast.World.Clock.UtcNow - before);
    }
}
