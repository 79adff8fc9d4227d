using System.Text.Json.Nodes;
using SolarDashboard.Sandbox;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>The onboarding steps (add plant, add datalog) and the rest of the plant and datalog menu.</summary>
public sealed class AtessOnboardingTests : IAsyncLifetime
{
    private static readonly string Other = SandboxHost.AtessBasic("other-atess", "other-atess-key");
    private SandboxHost _sandbox = null!;
    private AtessFleetView _fleet = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        _fleet = await AtessFleetView.LoadAsync(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private Task<JsonObject> CallAsync(HttpMethod method, string path, string? body = null, string? auth = null) => _sandbox.AtessAsync(method, path, body, auth ?? Other);

    private async Task<long> AddPlantAsync(string name = "Mombasa Hotel")
    {
        var added = await CallAsync(HttpMethod.Post, "/plant",
            $$"""{"plantName":"{{name}}","timeZone":"Africa/Nairobi","country":"Kenya","city":"Mombasa","latitude":-4.04,"longitude":39.67,"capacity":120,"installDate":"2026-06-17"}""");
        Assert.True(added["code"]!.GetValue<int>() == 0, added.ToJsonString());
        return added["data"]!["plantId"]!.GetValue<long>();
    }

    [Fact]
    public async Task An_account_adds_a_plant_then_a_datalog_and_its_racks_appear_and_report()
    {
        var plantId = await AddPlantAsync();
        var plant = (await CallAsync(HttpMethod.Get, "/plant" + SandboxHost.Query(("plantId", plantId))))["data"]!.AsObject();
        Assert.Equal(("Mombasa Hotel", "Africa/Nairobi", 120.0, "2026-06-17 13:00:00"),
            (plant["plantName"]!.GetValue<string>(), plant["timeZone"]!.GetValue<string>(), plant["capacity"]!.GetValue<double>(), plant["createTime"]!.GetValue<string>()));
        Assert.Equal(1, (await CallAsync(HttpMethod.Get, "/plant/list"))["data"]!["total"]!.GetValue<int>());

        var spare = _fleet.Spare(AtessFleetView.SpareCommercial);
        var added = await CallAsync(HttpMethod.Post, "/datalog", $$"""{"plantId":{{plantId}},"dataLogSn":"{{spare}}"}""");
        Assert.Equal(0, added["code"]!.GetValue<int>());
        Assert.Equal((spare, plantId, false, 4), (added["data"]!["dataLogSn"]!.GetValue<string>(), added["data"]!["plantId"]!.GetValue<long>(),
            added["data"]!["lost"]!.GetValue<bool>(), added["data"]!["deviceCount"]!.GetValue<int>()));
        var logs = (await CallAsync(HttpMethod.Get, "/datalog/list" + SandboxHost.Query(("plantId", plantId))))["data"]!.AsArray();
        Assert.Equal(spare, Assert.Single(logs)!["dataLogSn"]!.GetValue<string>());

        var racks = (await CallAsync(HttpMethod.Get, "/bms/buc-base-info/list" + SandboxHost.Query(("dataLogSn", spare))))["data"]!.AsArray();
        Assert.Equal(2, racks.Count);
        Assert.All(racks, r => Assert.Null(r!["updateTime"]));
        var hps = (await CallAsync(HttpMethod.Get, "/hps/base-info/list" + SandboxHost.Query(("dataLogSn", spare))))["data"]![0]!.AsObject();
        Assert.Equal("HPS100HV", hps["model"]!.GetValue<string>());
        var sn = SandboxHost.Query(("deviceSn", hps["deviceSn"]!.GetValue<string>()));
        var first = await CallAsync(HttpMethod.Get, "/hps/data-last" + sn);
        Assert.Equal(0, first["code"]!.GetValue<int>());
        Assert.Null(first["data"]); // nothing uploaded yet

        _sandbox.Time.Advance(TimeSpan.FromMinutes(5));
        var latest = (await CallAsync(HttpMethod.Get, "/hps/data-last" + sn))["data"]!.AsObject();
        Assert.Equal("2026-06-17 13:05:00", latest["time"]!.GetValue<string>());
        Assert.Equal(132, latest.Count);
        Assert.Equal(403, (await _sandbox.AtessGetAsync("/hps/data-last" + sn))["code"]!.GetValue<int>()); // the demo account does not own it
        var history = (await CallAsync(HttpMethod.Get, "/hps/data-list" + SandboxHost.Query(("deviceSn", hps["deviceSn"]!.GetValue<string>()),
            ("startDate", "2026-06-17 00:00:00"), ("endDate", "2026-06-17 23:59:59"), ("pageNo", 1), ("pageSize", 100))))["data"]!.AsObject();
        Assert.Equal(1, history["total"]!.GetValue<int>()); // only what arrived since it was added
    }

    [Fact]
    public async Task A_datalog_is_added_once_only_if_it_exists_and_only_to_ones_own_plant()
    {
        var plantId = await AddPlantAsync();
        var bound = _fleet.DataLog(AtessFleetView.Farm);
        Assert.Equal($"the datalog {bound} already belongs to a plant",
            (await CallAsync(HttpMethod.Post, "/datalog", $$"""{"plantId":{{plantId}},"dataLogSn":"{{bound}}"}"""))["msg"]!.GetValue<string>());
        Assert.Equal(400, (await CallAsync(HttpMethod.Post, "/datalog", $$"""{"plantId":{{plantId}},"dataLogSn":"UDL0Z00000"}"""))["code"]!.GetValue<int>());
        var spare = _fleet.Spare(AtessFleetView.Small);
        Assert.Equal(403, (await CallAsync(HttpMethod.Post, "/datalog", $$"""{"plantId":{{_fleet.Plant(AtessFleetView.Farm)}},"dataLogSn":"{{spare}}"}"""))["code"]!.GetValue<int>());
        Assert.Equal("dataLogSn is required", (await CallAsync(HttpMethod.Post, "/datalog", $$"""{"plantId":{{plantId}}}"""))["msg"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"timeZone":"Europe/Berlin"}""", "plantName is required")]
    [InlineData("""{"plantName":"X"}""", "timeZone is required")]
    [InlineData("""{"plantName":"X","timeZone":"CET"}""", "timeZone is invalid: an IANA time zone such as Europe/Berlin")]
    [InlineData("""{"plantName":"X","timeZone":"Mars/Olympus"}""", "timeZone is invalid: an IANA time zone such as Europe/Berlin")]
    [InlineData("""{"plantName":"X","timeZone":"Europe/Berlin","latitude":91}""", "latitude is invalid: a number from -90 to 90")]
    [InlineData("""{"plantName":"X","timeZone":"Europe/Berlin","installDate":"17.06.2026"}""", "installDate is invalid: yyyy-MM-dd")]
    [InlineData("""not json""", "the request body must be a JSON object")]
    public async Task A_plant_needs_a_name_and_a_real_time_zone(string body, string message)
    {
        var answer = await CallAsync(HttpMethod.Post, "/plant", body);
        Assert.Equal(500, answer["code"]!.GetValue<int>());
        Assert.Equal(message, answer["msg"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plant_is_modified_but_does_not_move_while_it_has_datalogs()
    {
        var plantId = await AddPlantAsync();
        var renamed = await CallAsync(HttpMethod.Put, "/plant", $$"""{"plantId":{{plantId}},"plantName":"Mombasa Beach Hotel","capacity":150}""");
        Assert.Equal(("Mombasa Beach Hotel", 150.0, "Africa/Nairobi"), (renamed["data"]!["plantName"]!.GetValue<string>(), renamed["data"]!["capacity"]!.GetValue<double>(),
            renamed["data"]!["timeZone"]!.GetValue<string>()));
        await CallAsync(HttpMethod.Post, "/datalog", $$"""{"plantId":{{plantId}},"dataLogSn":"{{_fleet.Spare(AtessFleetView.Small)}}"}""");
        var moved = await CallAsync(HttpMethod.Put, "/plant", $$"""{"plantId":{{plantId}},"timeZone":"Asia/Dubai"}""");
        Assert.Equal("the time zone and location cannot change while the plant has datalogs", moved["msg"]!.GetValue<string>());
        Assert.Equal(403, (await CallAsync(HttpMethod.Put, "/plant", $$"""{"plantId":{{_fleet.Plant(AtessFleetView.Farm)}},"plantName":"Mine"}"""))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Deleting_a_datalog_or_a_plant_takes_its_devices_away_and_frees_the_datalog()
    {
        var plantId = await AddPlantAsync();
        var spare = _fleet.Spare(AtessFleetView.Small);
        await CallAsync(HttpMethod.Post, "/datalog", $$"""{"plantId":{{plantId}},"dataLogSn":"{{spare}}"}""");
        var hps = (await CallAsync(HttpMethod.Get, "/hps/base-info-small/list" + SandboxHost.Query(("dataLogSn", spare))))["data"]![0]!["deviceSn"]!.GetValue<string>();
        Assert.Equal(0, (await CallAsync(HttpMethod.Delete, "/datalog" + SandboxHost.Query(("dataLogSn", spare))))["code"]!.GetValue<int>());
        Assert.Equal(400, (await CallAsync(HttpMethod.Get, "/hps/setting-small" + SandboxHost.Query(("deviceSn", hps))))["code"]!.GetValue<int>());
        Assert.Empty((await CallAsync(HttpMethod.Get, "/datalog/list" + SandboxHost.Query(("plantId", plantId))))["data"]!.AsArray());

        var again = await AddPlantAsync("Malindi Villa");
        await CallAsync(HttpMethod.Post, "/datalog", $$"""{"plantId":{{again}},"dataLogSn":"{{spare}}"}""");
        Assert.Equal(0, (await CallAsync(HttpMethod.Delete, "/plant" + SandboxHost.Query(("plantId", again))))["code"]!.GetValue<int>());
        Assert.Equal(400, (await CallAsync(HttpMethod.Get, "/plant" + SandboxHost.Query(("plantId", again))))["code"]!.GetValue<int>());
        Assert.Equal(400, (await CallAsync(HttpMethod.Get, "/datalog" + SandboxHost.Query(("dataLogSn", spare))))["code"]!.GetValue<int>());
        Assert.Contains((await _sandbox.AtessFleetAsync())["spareDataLogs"]!.AsArray(), l => l!["dataLogSn"]!.GetValue<string>() == spare);
        Assert.Equal(403, (await CallAsync(HttpMethod.Delete, "/plant" + SandboxHost.Query(("plantId", _fleet.Plant(AtessFleetView.Farm)))))["code"]!.GetValue<int>());
    }
}
