using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>Reference section 4: the 4.2 formulas per API account and the 4.1 daily budgets per OAuth owner.</summary>
public sealed class FlowControlTests
{
    [Theory]
    // The reference's worked examples: 20 plants → 34 plant-list calls a day; 120 plants → 44.
    [InlineData(20, NbiApi.Stations, 34)]
    [InlineData(120, NbiApi.Stations, 44)]
    [InlineData(20, NbiApi.DevList, 25)]
    [InlineData(120, NbiApi.DevList, 26)]
    [InlineData(20, NbiApi.StationRealKpi, 1)]
    [InlineData(120, NbiApi.StationRealKpi, 2)]
    [InlineData(120, NbiApi.KpiStationDay, 26)]
    public async Task Plant_count_budgets_follow_section_4_2(int plants, NbiApi api, int expected)
    {
        await using var sandbox = await SandboxHost.StartAsync(o => { o.Fleet.InstallerPlants = plants; o.Fleet.InstallerAllResidential = true; });
        var budget = sandbox.Service<FlowControl>().ApiAccountBudget(api, sandbox.World.Fleet.Installer.PlantCodes);
        Assert.Equal(expected, budget.Limit);
    }

    [Fact]
    public async Task Device_count_budgets_sum_over_device_types()
    {
        // 120 residential plants: 120 inverters, batteries, power sensors and dongles. Every managed type counts, as in
        // the reference's worked examples (its daily device data example counts meters).
        await using var sandbox = await SandboxHost.StartAsync(o => { o.Fleet.InstallerPlants = 120; o.Fleet.InstallerAllResidential = true; });
        var flow = sandbox.Service<FlowControl>();
        var plants = sandbox.World.Fleet.Installer.PlantCodes;
        Assert.Equal(8, flow.ApiAccountBudget(NbiApi.DevRealKpi, plants).Limit);          // 4 types × Roundup(120/100)
        Assert.Equal(TimeSpan.FromMinutes(5), flow.ApiAccountBudget(NbiApi.DevRealKpi, plants).Window);
        Assert.Equal(4 * 12 + 24, flow.ApiAccountBudget(NbiApi.DevHistoryKpi, plants).Limit); // Σ Roundup(n/10) + 24
        Assert.Equal(Math.Max(2, 8), flow.ApiAccountBudget(NbiApi.AlarmList, plants).Limit); // MAX(plants, Σ devices) per 30 min
        Assert.Equal(TimeSpan.FromMinutes(30), flow.ApiAccountBudget(NbiApi.AlarmList, plants).Window);
        Assert.Equal(4 * 2 + 24, flow.ApiAccountBudget(NbiApi.DevKpiDay, plants).Limit);
    }

    [Fact]
    public async Task The_call_over_budget_gets_407_and_the_next_window_is_fresh()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = await sandbox.LoginAsync();
        var codes = string.Join(',', sandbox.World.Fleet.Installer.PlantCodes);
        // 12 plants: one real-time plant call per 5 minutes.
        var first = await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{codes}}"}""", xsrf: token);
        var second = await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{codes}}"}""", xsrf: token);
        Assert.Equal(0, first["failCode"]!.GetValue<int>());
        Assert.Equal(407, second["failCode"]!.GetValue<int>());
        Assert.Equal("ACCESS_FREQUENCY_IS_TOO_HIGH", second["message"]!.GetValue<string>());

        sandbox.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{codes}}"}""", xsrf: token))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_plant_list_allows_exactly_its_daily_budget()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = await sandbox.LoginAsync();
        for (var i = 0; i < 34; i++)
            Assert.Equal(0, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", xsrf: token))["failCode"]!.GetValue<int>());
        Assert.Equal(407, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", xsrf: token))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_oauth_owner_has_1000_basic_and_100_control_calls_a_day()
    {
        await using var sandbox = await SandboxHost.StartAsync(start: new DateTimeOffset(2026, 6, 17, 0, 5, 0, TimeSpan.Zero));
        var token = (await sandbox.ConsentAsync())["access_token"]!.GetValue<string>();
        for (var i = 0; i < 1000; i++)
            Assert.Equal(0, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: token))["failCode"]!.GetValue<int>());
        Assert.Equal(407, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: token))["failCode"]!.GetValue<int>());

        for (var i = 0; i < 100; i++)
            Assert.Equal(20620, (await sandbox.PostAsync("/sandbox/fusionsolar/rest/openapi/pvms/nbi/v1/control/battery/mode/task-info", """{"taskId":"1234567890123456"}""", bearer: token))["failCode"]!.GetValue<int>());
        Assert.Equal(407, (await sandbox.PostAsync("/sandbox/fusionsolar/rest/openapi/pvms/nbi/v1/control/battery/mode/task-info", """{"taskId":"1234567890123456"}""", bearer: token))["failCode"]!.GetValue<int>());

        sandbox.Time.Advance(TimeSpan.FromDays(1));
        var fresh = (await sandbox.ConsentAsync())["access_token"]!.GetValue<string>();
        Assert.Equal(0, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: fresh))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Relaxed_flow_control_is_opt_in_for_demos()
    {
        await using var sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        var token = await sandbox.LoginAsync();
        var codes = string.Join(',', sandbox.World.Fleet.Installer.PlantCodes);
        for (var i = 0; i < 5; i++)
            Assert.Equal(0, (await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{codes}}"}""", xsrf: token))["failCode"]!.GetValue<int>());
        Assert.Equal(FlowControlMode.Faithful, new SandboxOptions().FlowControl);
    }
}
