using System.Text.Json.Nodes;
using SolarDashboard.Sandbox;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>
/// Reference 8.3: plants not bound to the account return no data, or only part of it. A plant list that mixes unknown
/// and known codes answers with the known plants only; 20007 (20056 for an owner) comes only when none is known.
/// Control tasks are not queries: their references document the whole task failing, naming the foreign plants.
/// </summary>
public sealed class MixedPlantCodeTests : IAsyncLifetime
{
    private const string Control = "/sandbox/fusionsolar/rest/openapi/pvms";
    private const string Unknown = "NE=424242424";
    private SandboxHost _sandbox = null!;
    private string _xsrf = "";

    /// <summary>Every basic API that takes stationCodes, with the rest of a valid body (reference 5.1).</summary>
    public static readonly TheoryData<string, string> PlantApis = new()
    {
        { "getDevList", "" },
        { "getStationRealKpi", "" },
        { "getAlarmList", """, "beginTime": 1780000000000, "endTime": 1781700000000, "language": "en_US" """ },
        { "getKpiStationHour", """, "collectTime": 1781690400000 """ },
        { "getKpiStationDay", """, "collectTime": 1781690400000 """ },
        { "getKpiStationMonth", """, "collectTime": 1781690400000 """ },
        { "getKpiStationYear", """, "collectTime": 1781690400000 """ },
    };

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        _xsrf = await _sandbox.LoginAsync();
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private IReadOnlyList<string> Installer => _sandbox.World.Fleet.Installer.PlantCodes;
    private IReadOnlyList<string> PlantsOf(string owner) => _sandbox.World.Fleet.Owners.Single(o => o.UserName == owner).PlantCodes;

    private Task<JsonObject> Post(string api, string codes, string rest, string? bearer = null) =>
        _sandbox.PostAsync("thirdData/" + api, $$"""{ "stationCodes": "{{codes}}" {{rest}} }""", xsrf: bearer is null ? _xsrf : null, bearer: bearer);

    [Theory]
    [MemberData(nameof(PlantApis))]
    public async Task An_api_account_gets_the_known_plants_of_a_mixed_list_and_nothing_of_the_rest(string api, string rest)
    {
        // Unknown codes around known ones: a code that exists nowhere and another account's plant.
        var mixed = $"{Unknown},{Installer[0]},{PlantsOf("owner-anna")[0]},{Installer[1]}";
        var answer = await Post(api, mixed, rest);
        var knownOnly = await Post(api, $"{Installer[0]},{Installer[1]}", rest);

        Assert.Equal(0, answer["failCode"]!.GetValue<int>());
        Assert.True(answer["success"]!.GetValue<bool>());
        Assert.Equal(mixed, answer["params"]!["stationCodes"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(knownOnly["data"], answer["data"]), answer["data"]!.ToJsonString());
        if (api != "getAlarmList") Assert.NotEmpty(answer["data"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(PlantApis))]
    public async Task An_owner_gets_the_own_plants_of_a_mixed_list_and_nothing_of_the_rest(string api, string rest)
    {
        var ben = (await _sandbox.ConsentAsync("owner-ben"))["access_token"]!.GetValue<string>();
        var benPlants = PlantsOf("owner-ben");
        var answer = await Post(api, $"{Installer[0]},{benPlants[1]},{Unknown},{PlantsOf("owner-anna")[0]}", rest, ben);
        var knownOnly = await Post(api, benPlants[1], rest, ben);

        Assert.Equal(0, answer["failCode"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(knownOnly["data"], answer["data"]), answer["data"]!.ToJsonString());
        if (api != "getAlarmList") Assert.NotEmpty(answer["data"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(PlantApis))]
    public async Task A_list_with_no_known_plant_answers_20007_to_an_api_account_and_20056_to_an_owner(string api, string rest)
    {
        var none = await Post(api, $"{Unknown},{PlantsOf("owner-anna")[0]}", rest);
        Assert.Equal(20007, none["failCode"]!.GetValue<int>());
        Assert.False(none["success"]!.GetValue<bool>());
        Assert.Null(none["data"]);

        var ben = (await _sandbox.ConsentAsync("owner-ben"))["access_token"]!.GetValue<string>();
        var foreign = await Post(api, $"{Installer[0]},{Unknown}", rest, ben);
        Assert.Equal(20056, foreign["failCode"]!.GetValue<int>());
        Assert.Null(foreign["data"]);
    }

    [Fact]
    public async Task Devices_of_a_mixed_list_belong_to_the_known_plants_only()
    {
        var answer = await Post("getDevList", $"{Unknown},{Installer[2]},{PlantsOf("owner-ben")[0]}", "");
        var plants = answer["data"]!.AsArray().Select(d => d!["stationCode"]!.GetValue<string>()).Distinct();
        Assert.Equal([Installer[2]], plants);
    }

    [Fact]
    public async Task A_charge_discharge_task_naming_a_foreign_plant_is_refused_whole_with_20045()
    {
        var ben = (await _sandbox.ConsentAsync("owner-ben"))["access_token"]!.GetValue<string>();
        var own = PlantsOf("owner-ben")[0];
        var answer = await _sandbox.PostAsync(Control + "/nbi/v2/control/charge-and-discharge/async-task",
            $$"""{ "tasks": [ { "plantCode": "{{own}}", "dispatchSwitch": 0 }, { "plantCode": "{{Unknown}}", "dispatchSwitch": 0 } ] }""", bearer: ben);
        Assert.Equal(20045, answer["failCode"]!.GetValue<int>());
        Assert.False(answer["success"]!.GetValue<bool>());
        Assert.Equal(0, _sandbox.World.Tasks.CountFor(own));
    }

    [Theory]
    // Reference 5.2.3, 5.2.5 and 5.2.7 example 1: each documents its own text for plants without permission.
    [InlineData("/nbi/v1/control/battery/mode/async-task", """ "operationMode": "maximumSelfConsumption" """, "Exist no permission resources. plantCodes: [{0}]")]
    [InlineData("/nbi/v1/control/battery/configuration/async-task", """ "batteryConfigurationInfo": { "maximumChargePower": 1 } """, "Exist no permission plants, plantCodes: [{0}]")]
    [InlineData("/nbi/v2/control/active-power-control/async-task", """ "controlMode": "0" """, "Exist no permission resources. plantCodes: [{0}]")]
    public async Task A_settings_task_naming_foreign_plants_is_refused_whole_naming_only_those(string path, string fields, string message)
    {
        var ben = (await _sandbox.ConsentAsync("owner-ben"))["access_token"]!.GetValue<string>();
        var own = PlantsOf("owner-ben")[0];
        var anna = PlantsOf("owner-anna")[0];
        var answer = await _sandbox.PostAsync(Control + path,
            $$"""{ "tasks": [ { "plantCode": "{{Unknown}}", {{fields}} }, { "plantCode": "{{own}}", {{fields}} }, { "plantCode": "{{anna}}", {{fields}} } ] }""", bearer: ben);
        Assert.Equal(2, answer["failCode"]!.GetValue<int>());
        Assert.False(answer["success"]!.GetValue<bool>());
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, $"{Unknown}, {anna}"), answer["message"]!.GetValue<string>());
        Assert.Equal(0, _sandbox.World.Tasks.CountFor(own));
    }
}
