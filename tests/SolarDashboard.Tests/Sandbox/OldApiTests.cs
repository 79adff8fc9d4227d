using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>
/// The old APIs of the replaced-APIs table (change history 24.5.0) are pre-offline (reference 8.7): they answer 401 in
/// the usual envelope, as the 3.1.3 example 4 shows, so a client that probes the old API first can fall back.
/// </summary>
public sealed class OldApiTests
{
    private static readonly string[] Paths =
    [
        "/thirdData/getStationList",
        "/thirdData/getDevFiveMinutes",
        "/rest/openapi/pvms/v1/vpp/chargeAndDischarge",
    ];

    public static TheoryData<string> OldApis
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in Paths) data.Add(path);
            return data;
        }
    }

    private static JsonNode Documented401 => JsonNode.Parse(ReferenceDocs.FusionSolar("3.1.3-example-4-401-insufficient-permission.json"))!;

    private static async Task<(HttpStatusCode Status, string Body)> PostRawAsync(SandboxHost sandbox, string api, string? body, string? xsrf = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SandboxHost.Nbi + api);
        if (body is not null) request.Content = SandboxHost.Json(body);
        if (xsrf is not null) request.Headers.Add("XSRF-TOKEN", xsrf);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await sandbox.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(OldApis))]
    public async Task An_old_api_answers_the_documented_401_envelope_to_an_api_account(string api)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var xsrf = await sandbox.LoginAsync();
        // The old APIs' own request bodies: a plant list for getStationList, devices and a day for getDevFiveMinutes.
        var (status, body) = await PostRawAsync(sandbox, api, """{"stationCodes":"NE=1","devIds":"1","devTypeId":1,"collectTime":1664553600000}""", xsrf: xsrf);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(Documented401, JsonNode.Parse(body)), body);
    }

    [Theory]
    [MemberData(nameof(OldApis))]
    public async Task An_old_api_answers_the_documented_401_envelope_to_an_owner_with_every_scope(string api)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var bearer = (await sandbox.ConsentAsync())["access_token"]!.GetValue<string>();
        var (status, body) = await PostRawAsync(sandbox, api, "{}", bearer: bearer);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(Documented401, JsonNode.Parse(body)), body);
    }

    [Theory]
    [MemberData(nameof(OldApis))]
    public async Task An_old_api_ignores_its_body_even_when_it_is_missing_or_not_json(string api)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var xsrf = await sandbox.LoginAsync();
        foreach (var body in new[] { null, "not json" })
        {
            var (status, text) = await PostRawAsync(sandbox, api, body, xsrf: xsrf);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(JsonNode.DeepEquals(Documented401, JsonNode.Parse(text)), text);
        }
    }

    [Theory]
    [MemberData(nameof(OldApis))]
    public async Task An_old_api_without_a_valid_session_answers_305_like_any_other_call(string api)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var none = JsonNode.Parse((await PostRawAsync(sandbox, api, "{}")).Body)!;
        Assert.Equal(305, none["failCode"]!.GetValue<int>());
        Assert.False(none["success"]!.GetValue<bool>());
        var stale = JsonNode.Parse((await PostRawAsync(sandbox, api, "{}", xsrf: "x-not-a-session")).Body)!;
        Assert.Equal(305, stale["failCode"]!.GetValue<int>());
        var badBearer = JsonNode.Parse((await PostRawAsync(sandbox, api, "{}", bearer: "not-a-token")).Body)!;
        Assert.Equal(305, badBearer["failCode"]!.GetValue<int>());
        Assert.Equal("INVALID_CREDENTIAL", badBearer["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Old_api_calls_spend_no_flow_control_budget()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var flow = sandbox.Service<FlowControl>();
        var xsrf = await sandbox.LoginAsync();
        var bearer = (await sandbox.ConsentAsync())["access_token"]!.GetValue<string>();
        var installerBefore = flow.Snapshot("api:demo-installer");
        var ownerBefore = flow.Snapshot("oauth:owner-anna");

        foreach (var api in Paths)
            for (var i = 0; i < 40; i++)
            {
                await PostRawAsync(sandbox, api, "{}", xsrf: xsrf);
                await PostRawAsync(sandbox, api, "{}", bearer: bearer);
            }

        Assert.Equal(installerBefore, flow.Snapshot("api:demo-installer"));
        Assert.Equal(ownerBefore, flow.Snapshot("oauth:owner-anna"));
        // 12 plants allow one real-time plant call per 5 minutes: it is still there.
        var codes = string.Join(',', sandbox.World.Fleet.Installer.PlantCodes);
        Assert.Equal(0, (await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{codes}}"}""", xsrf: xsrf))["failCode"]!.GetValue<int>());
    }
}
