using System.Net;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.Simulation;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>Reference 5.2: delivering and tracking control tasks, their validation, and their effect on the plant.</summary>
public sealed class ControlApiTests : IAsyncLifetime
{
    private const string Control = "/sandbox/fusionsolar/rest/openapi/pvms";
    private SandboxHost _sandbox = null!;
    private string _anna = "";
    private string _ben = "";

    private SimPlant AnnaPlant => _sandbox.World.Fleet.PlantsByCode[_sandbox.World.Fleet.Owners.Single(o => o.UserName == "owner-anna").PlantCodes[0]];
    private IReadOnlyList<string> BenPlants => _sandbox.World.Fleet.Owners.Single(o => o.UserName == "owner-ben").PlantCodes;

    public async Task InitializeAsync()
    {
        // Before dawn in Europe: batteries are not full, so forced charging has room to act.
        _sandbox = await SandboxHost.StartAsync(start: new DateTimeOffset(2026, 6, 17, 3, 0, 0, TimeSpan.Zero));
        _anna = (await _sandbox.ConsentAsync("owner-anna"))["access_token"]!.GetValue<string>();
        _ben = (await _sandbox.ConsentAsync("owner-ben"))["access_token"]!.GetValue<string>();
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private Task<JsonObject> Post(string path, string body, string? bearer = null) => _sandbox.PostAsync(Control + path, body, bearer: bearer ?? _anna);

    private async Task<string> RefreshAnnaAsync()
    {
        _anna = (await _sandbox.ConsentAsync("owner-anna"))["access_token"]!.GetValue<string>();
        return _anna;
    }

    [Fact]
    public async Task Forced_charge_runs_moves_the_soc_and_completes_with_the_charged_energy()
    {
        var plant = AnnaPlant;
        var sim = _sandbox.World.Simulator(plant);
        var socBefore = sim.Latest(_sandbox.World.Clock.UtcNow)!.Value.SocEnd;
        // Reference 5.2.1 request example (time control), for Anna's plant.
        var delivered = await Post("/nbi/v2/control/charge-and-discharge/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{plant.Code}}", "dispatchSwitch": 1, "controlType": 2, "dispatchTime": 30, "powerDispatch": 5000 } ] }""");
        Assert.Equal(0, delivered["failCode"]!.GetValue<int>());
        Assert.True(delivered["success"]!.GetValue<bool>());
        var requestId = delivered["data"]!["requestID"]!.GetValue<long>();
        var result = delivered["data"]!["result"]![0]!;
        Assert.Equal(0, result["dispatchResult"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(result["subTaskId"]!.GetValue<string>()));

        _sandbox.Time.Advance(TimeSpan.FromMinutes(10));
        var running = await Post("/v1/vpp/chargeAndDischargeStatus", $$"""{ "requestID": {{requestId}} }""");
        Assert.Equal(1, running["data"]![0]!["status"]!.GetValue<int>());
        Assert.True(running["data"]![0]!["chargedCapacity"]!.GetValue<double>() > 0);
        Assert.Null(running["data"]![0]!["dischargedCapacity"]);
        Assert.Null(running["data"]![0]!["execEndTime"]);

        _sandbox.Time.Advance(TimeSpan.FromMinutes(30));
        await RefreshAnnaAsync();
        var done = await Post("/v1/vpp/chargeAndDischargeStatus", $$"""{ "requestID": {{requestId}} }""");
        var item = done["data"]![0]!;
        Assert.Equal(0, item["status"]!.GetValue<int>());
        Assert.NotNull(item["execEndTime"]);
        var charged = item["chargedCapacity"]!.GetValue<double>();
        Assert.InRange(charged, 1.5, 2.6); // 30 minutes at 5 kW, unless the battery filled up first
        var socAfter = sim.Latest(_sandbox.World.Clock.UtcNow)!.Value.SocEnd;
        var forced = sim.DayIntervals(plant.LocalDate(_sandbox.World.Clock.UtcNow), _sandbox.World.Clock.UtcNow).Where(i => i.ForcedId != 0).ToList();
        Assert.True(socAfter > socBefore || socAfter >= 99.5, $"SOC {socBefore} → {socAfter}; forced: {string.Join(", ", forced.Select(i => $"{i.Start:HH:mm} {i.BatteryKw:0.0}kW {i.SocEnd:0.0}%"))}");
    }

    [Fact]
    public async Task A_second_task_of_the_same_kind_for_a_plant_is_refused_while_the_first_runs()
    {
        var plant = AnnaPlant;
        var body = $$"""{ "tasks": [ { "plantCode": "{{plant.Code}}", "dispatchSwitch": 2, "controlType": 2, "dispatchTime": 120 } ] }""";
        Assert.Equal(0, (await Post("/nbi/v2/control/charge-and-discharge/async-task", body))["failCode"]!.GetValue<int>());
        var second = await Post("/nbi/v2/control/charge-and-discharge/async-task", body);
        Assert.Equal(20615, second["failCode"]!.GetValue<int>());
        Assert.False(second["success"]!.GetValue<bool>());
        Assert.Equal("The same task is being executed in the current plant.", second["data"]!["result"]![0]!["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "dispatchSwitch": 3 }""", "DispatchSwitch is illegal")]
    [InlineData("""{ "dispatchSwitch": 1, "controlType": 2, "dispatchTime": 60, "powerDispatch": -5000 }""", "PowerDispatch is illegal")]
    [InlineData("""{ "dispatchSwitch": 2, "controlType": 2, "dispatchTime": 60, "powerDispatch": 5000 }""", "PowerDispatch is illegal")]
    [InlineData("""{ "dispatchSwitch": 1, "controlType": 2, "dispatchTime": 1441 }""", "duration is empty or invalid")]
    [InlineData("""{ "dispatchSwitch": 1, "controlType": 1 }""", "target SOC")]
    [InlineData("""{ "dispatchSwitch": 1 }""", "control type cannot be empty")]
    public async Task Invalid_charge_discharge_parameters_fail_per_plant(string fields, string expected)
    {
        var task = JsonNode.Parse(fields)!.AsObject();
        task["plantCode"] = AnnaPlant.Code;
        var answer = await Post("/nbi/v2/control/charge-and-discharge/async-task", new JsonObject { ["tasks"] = new JsonArray(task) }.ToJsonString());
        Assert.Equal(2, answer["failCode"]!.GetValue<int>());
        Assert.Null(answer["data"]!["requestID"]);
        Assert.Equal(1, answer["data"]!["result"]![0]!["dispatchResult"]!.GetValue<int>());
        Assert.Contains(expected, answer["data"]!["result"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Charge_discharge_checks_the_task_list()
    {
        var empty = await Post("/nbi/v2/control/charge-and-discharge/async-task", """{ "tasks": [] }""");
        Assert.Equal(2, empty["failCode"]!.GetValue<int>());
        Assert.Equal("Battery charge and discharge task list is empty.", empty["message"]!.GetValue<string>());
        var code = AnnaPlant.Code;
        var duplicate = await Post("/nbi/v2/control/charge-and-discharge/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{code}}", "dispatchSwitch": 0 }, { "plantCode": "{{code}}", "dispatchSwitch": 0 } ] }""");
        Assert.Equal(20608, duplicate["failCode"]!.GetValue<int>());
        var foreign = await Post("/nbi/v2/control/charge-and-discharge/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{BenPlants[0]}}", "dispatchSwitch": 0 } ] }""");
        Assert.Equal(20045, foreign["failCode"]!.GetValue<int>());
        Assert.Equal(20044, (await Post("/v1/vpp/chargeAndDischargeStatus", "{}"))["failCode"]!.GetValue<int>());
        Assert.Equal(20050, (await Post("/v1/vpp/chargeAndDischargeStatus", """{ "requestID": 432523532523 }"""))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Lg_batteries_refuse_soc_control_and_working_modes_and_a_disconnected_controller_fails()
    {
        var lg = BenPlants[0];
        var offline = BenPlants[1];
        var soc = await Post("/nbi/v2/control/charge-and-discharge/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{lg}}", "dispatchSwitch": 1, "controlType": 1, "targetSOC": 90 }, { "plantCode": "{{offline}}", "dispatchSwitch": 1, "controlType": 2, "dispatchTime": 30 } ] }""", _ben);
        Assert.Equal(2, soc["failCode"]!.GetValue<int>());
        Assert.Equal("The LG battery does not support SOC control.", soc["data"]!["result"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("The plant networking is abnormal.", soc["data"]!["result"]![1]!["description"]!.GetValue<string>());

        var mode = await Post("/nbi/v1/control/battery/mode/async-task", $$"""{ "tasks": [ { "plantCode": "{{lg}}", "operationMode": "maximumSelfConsumption" } ] }""", _ben);
        Assert.Equal("The battery working mode cannot be set for LG batteries.", mode["data"]!["result"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tou_schedule_is_validated_delivered_and_makes_the_battery_charge_in_its_window()
    {
        var plant = AnnaPlant;
        var overlapping = await Post("/nbi/v1/control/battery/mode/async-task", $$"""
            { "tasks": [ { "plantCode": "{{plant.Code}}", "operationMode": "TOU", "redundantPVEnergyPriority": "fedToGridPreference", "allowedAcChargePower": 10,
              "chargingAndDischargingTimeWindow": [
                { "startTime": "00:00", "endTime": "02:00", "chargeOrDischarge": "charge", "repeat": [2, 3] },
                { "startTime": "01:00", "endTime": "04:00", "chargeOrDischarge": "discharge", "repeat": [3] } ] } ] }
            """);
        Assert.Equal("The startTime and endTime of multiple days overlap.", overlapping["data"]!["result"]![0]!["message"]!.GetValue<string>());

        // Charge every day in the plant-local hour starting two hours from now.
        var local = plant.ToLocal(_sandbox.World.Clock.UtcNow).AddHours(2);
        var start = $"{local.Hour:D2}:00";
        var end = $"{local.Hour:D2}:59";
        var delivered = await Post("/nbi/v1/control/battery/mode/async-task", $$"""
            { "tasks": [ { "plantCode": "{{plant.Code}}", "operationMode": "TOU", "redundantPVEnergyPriority": "fedToGridPreference", "allowedAcChargePower": 5,
              "chargingAndDischargingTimeWindow": [ { "startTime": "{{start}}", "endTime": "{{end}}", "chargeOrDischarge": "charge", "repeat": [1,2,3,4,5,6,7] } ] } ] }
            """);
        Assert.Equal(0, delivered["failCode"]!.GetValue<int>());
        var taskId = delivered["data"]!["taskId"]!.GetValue<string>();
        Assert.Equal(16, taskId.Length);
        Assert.Equal("RUNNING", (await Post("/nbi/v1/control/battery/mode/task-info", $$"""{ "taskId": "{{taskId}}" }"""))["data"]!["dispatchResult"]![0]!["status"]!.GetValue<string>());

        _sandbox.Time.Advance(TimeSpan.FromMinutes(7));
        var info = await Post("/nbi/v1/control/battery/mode/task-info", $$"""{ "taskId": "{{taskId}}" }""");
        var status = info["data"]!["dispatchResult"]![0]!;
        Assert.Equal("SUCCESS", status["status"]!.GetValue<string>());
        Assert.Equal("TOU", status["operationMode"]!.GetValue<string>());
        Assert.NotNull(info["data"]!["endTime"]);

        _sandbox.Time.Advance(TimeSpan.FromHours(3));
        var sim = _sandbox.World.Simulator(plant);
        var now = _sandbox.World.Clock.UtcNow;
        var inWindow = sim.DayIntervals(plant.LocalDate(now.AddHours(-1)), now)
            .Where(i => plant.ToLocal(i.Start).Hour == local.Hour && plant.ToLocal(i.Start).Minute < 55).ToList();
        Assert.NotEmpty(inWindow);
        Assert.All(inWindow, i => Assert.True(i.BatteryKw > 0 || i.SocEnd >= 99.9, $"battery {i.BatteryKw} kW at {i.Start}"));
    }

    [Fact]
    public async Task A_feed_in_limit_caps_the_export_after_success()
    {
        var plant = AnnaPlant;
        var delivered = await Post("/nbi/v2/control/active-power-control/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{plant.Code}}", "controlMode": "6", "controlInfo": { "maxGridFeedInPower": 0.5, "limitationMode": "0" } } ] }""");
        Assert.Equal(0, delivered["failCode"]!.GetValue<int>());
        _sandbox.Time.Advance(TimeSpan.FromMinutes(10));
        var taskId = delivered["data"]!["taskId"]!.GetValue<string>();
        var info = await Post("/nbi/v2/control/active-power-control/task-info", $$"""{ "taskId": "{{taskId}}" }""");
        Assert.Equal("SUCCESS", info["data"]!["dispatchResult"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(0.5, info["data"]!["dispatchResult"]![0]!["controlInfo"]!["maxGridFeedInPower"]!.GetValue<double>());

        var success = _sandbox.World.Clock.UtcNow;
        _sandbox.Time.Advance(TimeSpan.FromHours(6));
        var sim = _sandbox.World.Simulator(plant);
        var now = _sandbox.World.Clock.UtcNow;
        var after = sim.DayIntervals(plant.LocalDate(now), now).Where(i => i.Start >= success).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, i => Assert.True(-i.GridKw <= 0.5 + 1e-9, $"export {-i.GridKw} kW at {i.Start}"));
        Assert.Contains(after, i => i.Curtailed || i.BatteryKw > 0);

        var same = await Post("/nbi/v2/control/active-power-control/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{plant.Code}}", "controlMode": "6", "controlInfo": { "maxGridFeedInPower": 0.5, "limitationMode": "0" } } ] }""",
            await RefreshAnnaAsync());
        Assert.Equal("The configured value is the same as the current value.", same["data"]!["result"]![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "controlMode": "3" }""", "controlMode in: [0, 6]")]
    [InlineData("""{ "controlMode": "6", "controlInfo": { "maxGridFeedInPower": 5001 } }""", "maxGridFeedInPower in: [-1000.000, 5000.000]")]
    [InlineData("""{ "controlMode": "6", "controlInfo": { "maxGridFeedInPower": 5, "limitationMode": "2" } }""", "limitationMode in: [0, 1]")]
    public async Task Feed_in_parameters_are_checked_against_the_controller_range(string fields, string expected)
    {
        var task = JsonNode.Parse(fields)!.AsObject();
        task["plantCode"] = AnnaPlant.Code;
        var answer = await Post("/nbi/v2/control/active-power-control/async-task", new JsonObject { ["tasks"] = new JsonArray(task) }.ToJsonString());
        Assert.Equal(2, answer["failCode"]!.GetValue<int>());
        Assert.Contains(expected, answer["data"]!["result"]![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "endOfChargeSoc": 89 }""", "endOfChargeSoc in: [90.0, 100.0]")]
    [InlineData("""{ "endOfDischargeSoc": 21 }""", "endOfDischargeSoc in: [0.0, 20.0]")]
    [InlineData("""{ }""", "The value of an input parameter is empty.")]
    public async Task Battery_parameters_are_checked_against_their_ranges(string info, string expected)
    {
        var answer = await Post("/nbi/v1/control/battery/configuration/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{AnnaPlant.Code}}", "batteryConfigurationInfo": {{info}} } ] }""");
        Assert.Equal(2, answer["failCode"]!.GetValue<int>());
        Assert.Contains(expected, answer["data"]!["result"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Battery_parameters_clamp_the_soc_after_success()
    {
        var plant = AnnaPlant;
        var delivered = await Post("/nbi/v1/control/battery/configuration/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{plant.Code}}", "batteryConfigurationInfo": { "endOfChargeSoc": 90, "endOfDischargeSoc": 20, "maximumChargePower": 9000 } } ] }""");
        Assert.Equal(0, delivered["failCode"]!.GetValue<int>());
        _sandbox.Time.Advance(TimeSpan.FromMinutes(10));
        var limits = _sandbox.World.Simulator(plant).StateAt(_sandbox.World.Clock.UtcNow).Limits;
        Assert.Equal(90, limits.EndOfChargeSoc);
        Assert.Equal(5, limits.MaxChargeKw); // above the upper limit, the upper limit is used

        var from = _sandbox.World.Clock.UtcNow;
        _sandbox.Time.Advance(TimeSpan.FromDays(2));
        var sim = _sandbox.World.Simulator(plant);
        var now = _sandbox.World.Clock.UtcNow;
        var intervals = Enumerable.Range(-2, 3).SelectMany(d => sim.DayIntervals(plant.LocalDate(now).AddDays(d), now)).Where(i => i.Start > from).ToList();
        // The new limits stop charging above 90 % and discharging below 20 %; a fuller battery is not drained on purpose.
        Assert.All(intervals, i => Assert.False(i.BatteryKw > 0 && i.SocEnd > 90.1, $"charged to {i.SocEnd} % at {i.Start}"));
        Assert.All(intervals, i => Assert.False(i.BatteryKw < 0 && i.SocEnd < 19.9, $"discharged to {i.SocEnd} % at {i.Start}"));
        var firstInRange = intervals.FindIndex(i => i.SocEnd is >= 20 and <= 90);
        Assert.True(firstInRange >= 0, "the battery never came within 20–90 % in two days");
        Assert.All(intervals.Skip(firstInRange), i => Assert.InRange(i.SocEnd, 19.9, 90.1));
    }

    [Fact]
    public async Task Settings_tasks_check_list_size_task_id_and_ownership()
    {
        var eleven = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["plantCode"] = $"NE={i}", ["controlMode"] = "0" })]);
        var response = await _sandbox.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Control + "/nbi/v2/control/active-power-control/async-task")
        {
            Content = SandboxHost.Json(new JsonObject { ["tasks"] = eleven }.ToJsonString()),
            Headers = { Authorization = new("Bearer", _anna) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tasks size must be between 1 and 10", await response.Content.ReadAsStringAsync());

        Assert.Equal(20620, (await Post("/nbi/v1/control/battery/configuration/task-info", """{ "taskId": "3051190140256431" }"""))["failCode"]!.GetValue<int>());
        var foreign = await Post("/nbi/v1/control/battery/mode/async-task", $$"""{ "tasks": [ { "plantCode": "{{BenPlants[0]}}", "operationMode": "TOU" } ] }""");
        Assert.Equal(2, foreign["failCode"]!.GetValue<int>());
        Assert.StartsWith("Exist no permission resources. plantCodes: [", foreign["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_that_never_completes_times_out_after_24_hours()
    {
        var plant = AnnaPlant;
        await _sandbox.Client.PostAsync($"/sandbox/admin/plants/{Uri.EscapeDataString(plant.Code)}/hang-tasks?hang=true", null);
        var delivered = await Post("/nbi/v1/control/battery/mode/async-task", $$"""{ "tasks": [ { "plantCode": "{{plant.Code}}", "operationMode": "maximumSelfConsumption" } ] }""");
        var taskId = delivered["data"]!["taskId"]!.GetValue<string>();
        _sandbox.Time.Advance(TimeSpan.FromHours(23));
        await RefreshAnnaAsync();
        Assert.Equal("RUNNING", (await Post("/nbi/v1/control/battery/mode/task-info", $$"""{ "taskId": "{{taskId}}" }"""))["data"]!["dispatchResult"]![0]!["status"]!.GetValue<string>());
        _sandbox.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(3));
        await RefreshAnnaAsync();
        var info = await Post("/nbi/v1/control/battery/mode/task-info", $$"""{ "taskId": "{{taskId}}" }""");
        Assert.Equal("FAIL", info["data"]!["dispatchResult"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("TIMEOUT", info["data"]!["dispatchResult"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(WorkingMode.Default.OperationMode, _sandbox.World.Simulator(plant).StateAt(_sandbox.World.Clock.UtcNow).Mode.OperationMode);
        Assert.False(_sandbox.World.Simulator(plant).StateAt(_sandbox.World.Clock.UtcNow).Mode.SetRemotely);
    }
}
