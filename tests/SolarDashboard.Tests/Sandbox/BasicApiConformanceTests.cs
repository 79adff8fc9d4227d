using System.Text.Json;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.Simulation;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>
/// Reference 5.1: the example requests of each basic API, the documented fields and types of the answers, and the
/// failCodes of 6.1 for each documented bad input.
/// </summary>
public sealed class BasicApiConformanceTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private string _token = "";
    private Fleet Fleet => _sandbox.World.Fleet;
    private string Plant(int i) => Fleet.Installer.PlantCodes[i];
    private SimDevice Device(int type, int plant = 0) => Fleet.DevicesByPlant[Plant(plant)].First(d => d.TypeId == type);

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(o => o.FlowControl = SolarDashboard.Sandbox.FlowControlMode.Relaxed);
        _token = await _sandbox.LoginAsync();
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private Task<JsonObject> Post(string api, string body) => _sandbox.PostAsync("thirdData/" + api, body, xsrf: _token);

    private static void AssertEnvelope(JsonObject answer, int failCode = 0)
    {
        Assert.Equal(failCode, answer["failCode"]!.GetValue<int>());
        Assert.Equal(failCode == 0, answer["success"]!.GetValue<bool>());
        Assert.True(answer.ContainsKey("message"));
        Assert.True(answer.ContainsKey("data"));
        Assert.Equal(JsonValueKind.Number, answer["params"]!["currentTime"]!.GetValueKind());
    }

    [Fact]
    public async Task Plant_list_pages_by_100_and_carries_every_documented_field()
    {
        // Reference 5.1.1.1 request example (grid-connection window widened to cover the demo fleet).
        var answer = await Post("stations", """{ "pageNo": 1, "gridConnectedStartTime":1664718569000, "gridConnectedEndTime":1893456000000 }""");
        AssertEnvelope(answer);
        var data = answer["data"]!.AsObject();
        Assert.Equal(100, data["pageSize"]!.GetValue<int>());
        Assert.Equal(1, data["pageNo"]!.GetValue<int>());
        Assert.Equal(Fleet.Installer.PlantCodes.Count, data["total"]!.GetValue<int>());
        Assert.Equal(1, data["pageCount"]!.GetValue<int>());
        var plant = data["list"]!.AsArray()[0]!.AsObject();
        foreach (var field in new[] { "plantCode", "plantName", "plantAddress", "longitude", "latitude", "capacity", "contactPerson", "contactMethod", "gridConnectionDate" })
            Assert.True(plant.ContainsKey(field), field);
        Assert.StartsWith("NE=", plant["plantCode"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", plant["gridConnectionDate"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, plant["capacity"]!.GetValueKind());
    }

    [Theory]
    [InlineData("""{}""", 30004)]
    [InlineData("""{"pageNo":0}""", 30021)]
    [InlineData("""{"pageNo":1,"gridConnectedStartTime":-1}""", 20605)]
    [InlineData("""{"pageNo":1,"gridConnectedStartTime":1667396969000,"gridConnectedEndTime":1664718569000}""", 20604)]
    [InlineData("""{"pageNo":1,"gridConnectedStartTime":4102444800000}""", 20606)]
    public async Task Plant_list_rejects_bad_paging_and_time_parameters(string body, int failCode) => AssertEnvelope(await Post("stations", body), failCode);

    [Fact]
    public async Task Device_list_returns_each_device_with_type_and_inverter_model_only_for_inverters()
    {
        var answer = await Post("getDevList", $$"""{ "stationCodes":"{{Plant(0)}},{{Plant(1)}}" }""");
        AssertEnvelope(answer);
        Assert.Equal($"{Plant(0)},{Plant(1)}", answer["params"]!["stationCodes"]!.GetValue<string>());
        var devices = answer["data"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal(Fleet.DevicesByPlant[Plant(0)].Count() + Fleet.DevicesByPlant[Plant(1)].Count(), devices.Count);
        foreach (var d in devices)
        {
            foreach (var field in new[] { "id", "devDn", "devName", "stationCode", "esnCode", "devTypeId", "softwareVersion", "invType", "longitude", "latitude" })
                Assert.True(d.ContainsKey(field), field);
            var type = d["devTypeId"]!.GetValue<int>();
            Assert.Equal(type is 1 or 38, d["invType"] is not null);
        }
        Assert.Contains(devices, d => d["devTypeId"]!.GetValue<int>() == DevType.Dongle);
        Assert.Contains(devices, d => d["devTypeId"]!.GetValue<int>() == DevType.SmartLogger);
    }

    [Fact]
    public async Task Plant_apis_check_the_plant_list()
    {
        AssertEnvelope(await Post("getDevList", """{ "stationCodes":"" }"""), 20010);
        var tooMany = string.Join(',', Enumerable.Range(0, 101).Select(i => $"NE={i}"));
        AssertEnvelope(await Post("getStationRealKpi", $$"""{ "stationCodes":"{{tooMany}}" }"""), 20014);
        // The reference's example codes are not plants of this account.
        AssertEnvelope(await Post("getStationRealKpi", """{ "stationCodes":"BA4372D08E014822AB065017416F254C,5D02E8B40AD342159AC8D8A2BCD4FAB5" }"""), 20007);
    }

    [Fact]
    public async Task Real_time_plant_data_has_the_documented_keys_and_a_valid_health_state()
    {
        var answer = await Post("getStationRealKpi", $$"""{ "stationCodes":"{{Plant(0)}},{{Plant(1)}}" }""");
        AssertEnvelope(answer);
        foreach (var item in answer["data"]!.AsArray())
        {
            var map = item!["dataItemMap"]!.AsObject();
            Assert.Equal(new[] { "day_income", "day_power", "month_power", "real_health_state", "total_income", "total_power" }, map.Select(p => p.Key).Order());
            Assert.InRange(map["real_health_state"]!.GetValue<double>(), 1, 3);
            Assert.True(map["total_power"]!.GetValue<double>() >= map["month_power"]!.GetValue<double>());
            Assert.True(map["month_power"]!.GetValue<double>() >= map["day_power"]!.GetValue<double>());
        }
    }

    [Theory]
    [InlineData(DevType.ResidentialInverter)]
    [InlineData(DevType.StringInverter)]
    [InlineData(DevType.Battery)]
    [InlineData(DevType.PowerSensor)]
    [InlineData(DevType.GridMeter)]
    [InlineData(DevType.Ess)]
    [InlineData(DevType.Emi)]
    public async Task Real_time_device_data_has_every_key_the_reference_lists_for_the_type(int type)
    {
        var device = Fleet.Devices.First(d => d.TypeId == type && Fleet.Installer.PlantCodes.Contains(d.StationCode));
        // devTypeId as a string, as in the reference's request example.
        var answer = await Post("getDevRealKpi", $$"""{ "devIds":"{{device.Id}}", "devTypeId":"{{type}}" }""");
        AssertEnvelope(answer);
        var item = Assert.Single(answer["data"]!.AsArray())!.AsObject();
        Assert.Equal(device.Id, item["devId"]!.GetValue<long>());
        var keys = item["dataItemMap"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Equal(KpiCatalog.KeysFor(type).ToHashSet(), keys);
    }

    [Fact]
    public async Task Real_time_device_data_reports_the_battery_within_its_documented_units()
    {
        var battery = Device(DevType.Battery);
        var map = (await Post("getDevRealKpi", $$"""{ "sns":"{{battery.Esn}}", "devTypeId":39 }"""))["data"]![0]!["dataItemMap"]!.AsObject();
        Assert.InRange(map["battery_soc"]!.GetValue<double>(), 0, 100);
        Assert.InRange(Math.Abs(map["ch_discharge_power"]!.GetValue<double>()), 0, 5000); // W, not kW
        Assert.Equal(5000, map["max_charge_power"]!.GetValue<double>());
        Assert.InRange(map["battery_status"]!.GetValue<double>(), 0, 4);
    }

    [Fact]
    public async Task Device_apis_check_ids_types_and_counts()
    {
        var inverter = Device(DevType.ResidentialInverter);
        AssertEnvelope(await Post("getDevRealKpi", """{ "devTypeId":1 }"""), 20005);
        AssertEnvelope(await Post("getDevRealKpi", $$"""{ "devIds":"{{inverter.Id}}", "devTypeId":62 }"""), 20013);
        AssertEnvelope(await Post("getDevRealKpi", $$"""{ "devIds":"{{inverter.Id}}", "devTypeId":1 }"""), 20006);
        AssertEnvelope(await Post("getDevRealKpi", """{ "devIds":"214060404588862,213472461631079", "devTypeId":"1" }"""), 20008);
        var many = string.Join(',', Enumerable.Range(0, 101).Select(i => 1_000_000_000_000L + i));
        AssertEnvelope(await Post("getDevRealKpi", $$"""{ "devIds":"{{many}}", "devTypeId":38 }"""), 20016);
    }

    [Fact]
    public async Task History_returns_5_minute_samples_within_the_window()
    {
        var inverter = Device(DevType.ResidentialInverter);
        var end = _sandbox.World.Clock.UnixMs;
        var start = end - (long)TimeSpan.FromHours(2).TotalMilliseconds;
        // Reference 5.1.2.3 request example spells the type key "devTypeid"; the vendor reads it all the same.
        var answer = await Post("getDevHistoryKpi", $$"""{ "devIds":"{{inverter.Id}}", "devTypeid":38, "startTime":{{start}}, "endTime":{{end}} }""");
        AssertEnvelope(answer);
        var samples = answer["data"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.InRange(samples.Count, 23, 25);
        var times = samples.Select(s => s["collectTime"]!.GetValue<long>()).ToList();
        Assert.All(times, t => Assert.Equal(0, t % 300_000));
        Assert.All(times, t => Assert.InRange(t, start, end));
        Assert.Equal(times.Order(), times);
        Assert.All(samples, s => Assert.Equal(KpiCatalog.ResidentialInverter.ToHashSet(), s["dataItemMap"]!.AsObject().Select(p => p.Key).ToHashSet()));
    }

    [Fact]
    public async Task History_enforces_10_devices_3_days_365_days_and_time_order()
    {
        var inverter = Device(DevType.ResidentialInverter);
        var now = _sandbox.World.Clock.UnixMs;
        var day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var eleven = string.Join(',', Fleet.Devices.Where(d => d.TypeId == 38).Take(11).Select(d => d.Id));
        AssertEnvelope(await Post("getDevHistoryKpi", $$"""{ "devIds":"{{eleven}}", "devTypeId":38, "startTime":{{now - day}}, "endTime":{{now}} }"""), 30031);
        AssertEnvelope(await Post("getDevHistoryKpi", $$"""{ "devIds":"{{inverter.Id}}", "devTypeId":38, "startTime":{{now - 4 * day}}, "endTime":{{now}} }"""), 30032);
        AssertEnvelope(await Post("getDevHistoryKpi", $$"""{ "devIds":"{{inverter.Id}}", "devTypeId":38, "startTime":{{now - 367 * day}}, "endTime":{{now - 366 * day}} }"""), 20026);
        AssertEnvelope(await Post("getDevHistoryKpi", $$"""{ "devIds":"{{inverter.Id}}", "devTypeId":38, "startTime":{{now}}, "endTime":{{now - day}} }"""), 20023);
        AssertEnvelope(await Post("getDevHistoryKpi", $$"""{ "devIds":"{{inverter.Id}}", "devTypeId":38, "startTime":{{now - day}} }"""), 20012);
        AssertEnvelope(await Post("getDevHistoryKpi", $$"""{ "devIds":"{{inverter.Id}}", "devTypeId":38, "startTime":-5, "endTime":{{now}} }"""), 20605);
    }

    [Fact]
    public async Task Alarm_list_answers_the_documented_fields_and_checks_its_parameters()
    {
        var now = _sandbox.World.Clock.UnixMs;
        var codes = string.Join(',', Fleet.Installer.PlantCodes);
        // Reference 5.1.3.1 request example shape: times as strings, language, levels and device types.
        var answer = await Post("getAlarmList", $$"""{ "stationCodes":"{{codes}}", "beginTime":"0", "endTime":"{{now}}", "language":"en_US", "levels":"1,2,3,4", "devTypes":"1,2,10,17,38,39,41,47,62" }""");
        AssertEnvelope(answer);
        var alarms = answer["data"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.NotEmpty(alarms);
        foreach (var a in alarms)
        {
            foreach (var field in new[] { "stationCode", "alarmName", "devName", "repairSuggestion", "esnCode", "devTypeId", "causeId", "alarmCause", "alarmType", "raiseTime", "alarmId", "stationName", "lev", "status" })
                Assert.True(a.ContainsKey(field), field);
            Assert.InRange(a["lev"]!.GetValue<int>(), 1, 4);
            Assert.Equal(1, a["status"]!.GetValue<int>());
            Assert.True(a["raiseTime"]!.GetValue<long>() <= now);
        }

        var critical = await Post("getAlarmList", $$"""{ "stationCodes":"{{codes}}", "beginTime":0, "endTime":{{now}}, "language":"en_US", "levels":"1" }""");
        Assert.All(critical["data"]!.AsArray(), a => Assert.Equal(1, a!["lev"]!.GetValue<int>()));

        AssertEnvelope(await Post("getAlarmList", $$"""{ "stationCodes":"", "sns":"", "beginTime":0, "endTime":{{now}}, "language":"en_US" }"""), 20055);
        AssertEnvelope(await Post("getAlarmList", $$"""{ "stationCodes":"{{codes}}", "beginTime":0, "endTime":{{now}} }"""), 20024);
        AssertEnvelope(await Post("getAlarmList", $$"""{ "stationCodes":"{{codes}}", "beginTime":0, "endTime":{{now}}, "language":"xx_XX" }"""), 20025);
        AssertEnvelope(await Post("getAlarmList", $$"""{ "stationCodes":"{{codes}}", "endTime":{{now}}, "language":"en_US" }"""), 20012);
    }

    [Fact]
    public async Task Alarms_rise_and_clear_as_time_passes()
    {
        var codes = string.Join(',', Fleet.Installer.PlantCodes);
        async Task<HashSet<string>> Active()
        {
            var now = _sandbox.World.Clock.UnixMs;
            var list = await Post("getAlarmList", $$"""{ "stationCodes":"{{codes}}", "beginTime":0, "endTime":{{now}}, "language":"en_US" }""");
            return list["data"]!.AsArray().Select(a => $"{a!["esnCode"]}/{a["alarmId"]}/{a["raiseTime"]}").ToHashSet();
        }

        var before = await Active();
        _sandbox.Time.Advance(TimeSpan.FromDays(3));
        _token = await _sandbox.LoginAsync(); // the session expired during the jump
        var after = await Active();
        Assert.NotEmpty(before.Except(after)); // cleared
        Assert.NotEmpty(after.Except(before)); // raised
    }

    [Theory]
    [InlineData("getKpiStationHour")]
    [InlineData("getKpiStationDay")]
    [InlineData("getKpiStationMonth")]
    [InlineData("getKpiStationYear")]
    public async Task Plant_reports_carry_the_documented_keys_and_period_starts(string api)
    {
        var answer = await Post(api, $$"""{ "stationCodes":"{{Plant(0)}}", "collectTime":{{_sandbox.World.Clock.UnixMs}} }""");
        AssertEnvelope(answer);
        var items = answer["data"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.NotEmpty(items);
        var keys = items[0]["dataItemMap"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var key in new[] { "radiation_intensity", "theory_power", "inverter_power", "ongrid_power", "power_profit", "chargeCap", "dischargeCap", "selfProvide", "PVYield", "inverterYield" })
            Assert.Contains(key, keys);
        if (api != "getKpiStationHour")
            foreach (var key in new[] { "installed_capacity", "performance_ratio", "use_power", "perpower_ratio", "reduction_total_co2", "reduction_total_coal", "reduction_total_tree", "buyPower", "selfUsePower" })
                Assert.Contains(key, keys);
        var zone = Fleet.PlantsByCode[Plant(0)].Zone;
        foreach (var item in items)
        {
            var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(item["collectTime"]!.GetValue<long>()), zone);
            Assert.Equal(0, local.Minute);
            if (api != "getKpiStationHour") Assert.Equal(0, local.Hour);
            if (api is "getKpiStationMonth" or "getKpiStationYear") Assert.Equal(1, local.Day);
            if (api == "getKpiStationYear") Assert.Equal(1, local.Month);
        }
    }

    [Fact]
    public async Task Reports_require_a_collect_time()
    {
        // Reference 5.1.4.2 example 1: a negative collectTime gets 20012.
        AssertEnvelope(await Post("getKpiStationDay", $$"""{ "stationCodes":"{{Plant(0)}}", "collectTime":-1677051223000 }"""), 20012);
        AssertEnvelope(await Post("getKpiStationDay", $$"""{ "stationCodes":"{{Plant(0)}}" }"""), 20012);
    }

    [Theory]
    [InlineData(DevType.ResidentialInverter, new[] { "installed_capacity", "product_power", "perpower_ratio" })]
    [InlineData(DevType.Battery, new[] { "charge_cap", "discharge_cap", "charge_time", "discharge_time" })]
    public async Task Device_reports_carry_the_keys_of_their_type(int type, string[] expected)
    {
        var device = Device(type);
        foreach (var api in new[] { "getDevKpiDay", "getDevKpiMonth", "getDevKpiYear" })
        {
            var answer = await Post(api, $$"""{ "devIds":"{{device.Id}}", "devTypeId":{{type}}, "collectTime":{{_sandbox.World.Clock.UnixMs}} }""");
            AssertEnvelope(answer);
            var first = answer["data"]!.AsArray()[0]!.AsObject();
            Assert.Equal(device.Id, first["devId"]!.GetValue<long>());
            Assert.Equal(expected.Order(), first["dataItemMap"]!.AsObject().Select(p => p.Key).Order());
        }
        AssertEnvelope(await Post("getDevKpiDay", $$"""{ "devIds":"{{Device(DevType.PowerSensor).Id}}", "devTypeId":47, "collectTime":1 }"""), 20013);
    }
}
