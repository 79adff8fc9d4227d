using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>The opt-in misbehaviours of the real service: off by default, and each visible on the wire when switched on.</summary>
public sealed class QuirkTests
{
    private static async Task<(SandboxHost Sandbox, string Token, string Plant)> StartAsync(Action<QuirkOptions> quirks)
    {
        var sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        var token = await sandbox.LoginAsync();
        // Switched on after login: gateway quirks would hit the login too, as a real gateway does.
        var options = new QuirkOptions();
        quirks(options);
        sandbox.Service<Quirks>().Current = options;
        return (sandbox, token, sandbox.World.Fleet.Installer.PlantCodes[0]);
    }

    private static async Task<HttpResponseMessage> RawAsync(SandboxHost sandbox, string token, string plant)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxHost.Nbi + "/thirdData/getStationRealKpi")
        {
            Content = SandboxHost.Json($$"""{"stationCodes":"{{plant}}"}"""),
            Headers = { { "XSRF-TOKEN", token } },
        };
        return await sandbox.Client.SendAsync(request);
    }

    [Fact]
    public void Quirks_are_off_by_default()
    {
        var q = new SandboxOptions().Quirks;
        Assert.False(q.NumbersAsStrings || q.MidnightCounterDip || q.RateLimitTextInData);
        Assert.Equal(0, q.MissingValueRate + q.GatewayThrottleRate + q.HtmlErrorPageRate + q.TruncatedJsonRate + q.SlowAnswerMilliseconds);
    }

    [Fact]
    public async Task Numbers_can_arrive_as_strings()
    {
        var (sandbox, token, plant) = await StartAsync(q => q.NumbersAsStrings = true);
        await using var _ = sandbox;
        var map = (await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{plant}}"}""", xsrf: token))["data"]![0]!["dataItemMap"]!.AsObject();
        Assert.All(map, p => Assert.Equal(JsonValueKind.String, p.Value!.GetValueKind()));
        Assert.Matches(@"^\d+\.\d{3}$", map["total_power"]!.GetValue<string>());
    }

    [Fact]
    public async Task Values_can_be_missing_as_null_empty_or_na()
    {
        var (sandbox, token, plant) = await StartAsync(q => q.MissingValueRate = 1);
        await using var _ = sandbox;
        var inverter = sandbox.World.Fleet.DevicesByPlant[plant].First(d => d.TypeId == 38);
        var map = (await sandbox.PostAsync("thirdData/getDevRealKpi", $$"""{"devIds":"{{inverter.Id}}","devTypeId":38}""", xsrf: token))["data"]![0]!["dataItemMap"]!.AsObject();
        var kinds = map.Select(p => p.Value is null ? "null" : p.Value.GetValue<string>()).ToHashSet();
        Assert.Subset(new HashSet<string> { "null", "", "N/A" }, kinds);
        Assert.True(kinds.Count >= 2);
    }

    [Fact]
    public async Task Lifetime_counters_dip_around_plant_midnight_and_recover()
    {
        var (sandbox, token, plant) = await StartAsync(q => q.MidnightCounterDip = true);
        await using var _ = sandbox;
        var p = sandbox.World.Fleet.PlantsByCode[plant];
        var midnight = p.LocalMidnightUtc(p.LocalDate(sandbox.World.Clock.UtcNow).AddDays(-1));
        var inverter = sandbox.World.Fleet.DevicesByPlant[plant].First(d => d.TypeId == 38);
        var start = midnight.AddMinutes(-30).ToUnixTimeMilliseconds();
        var end = midnight.AddMinutes(30).ToUnixTimeMilliseconds();
        var samples = (await sandbox.PostAsync("thirdData/getDevHistoryKpi", $$"""{"devIds":"{{inverter.Id}}","devTypeId":38,"startTime":{{start}},"endTime":{{end}}}""", xsrf: token))["data"]!.AsArray()
            .Select(s => (Time: s!["collectTime"]!.GetValue<long>(), Total: s["dataItemMap"]!["total_cap"]!.GetValue<double>())).ToList();
        var before = samples.First(s => s.Time == midnight.AddMinutes(-10).ToUnixTimeMilliseconds()).Total;
        var dip = samples.First(s => s.Time == midnight.ToUnixTimeMilliseconds()).Total;
        var after = samples.First(s => s.Time == midnight.AddMinutes(15).ToUnixTimeMilliseconds()).Total;
        Assert.True(dip < before, $"no dip: {before} → {dip}");
        Assert.True(after >= before);
    }

    [Fact]
    public async Task A_gateway_can_throttle_with_403_or_429()
    {
        var (sandbox, token, plant) = await StartAsync(q => q.GatewayThrottleRate = 1);
        await using var _ = sandbox;
        var statuses = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 20; i++) statuses.Add((await RawAsync(sandbox, token, plant)).StatusCode);
        Assert.Equal(new HashSet<HttpStatusCode> { HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests }, statuses);
    }

    [Fact]
    public async Task An_html_error_page_can_replace_the_json()
    {
        var (sandbox, token, plant) = await StartAsync(q => q.HtmlErrorPageRate = 1);
        await using var _ = sandbox;
        var response = await RawAsync(sandbox, token, plant);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Json_can_be_truncated()
    {
        var (sandbox, token, plant) = await StartAsync(q => q.TruncatedJsonRate = 1);
        await using var _ = sandbox;
        var text = await (await RawAsync(sandbox, token, plant)).Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Answers_can_be_slow()
    {
        var (sandbox, token, plant) = await StartAsync(q => q.SlowAnswerMilliseconds = 300);
        await using var _ = sandbox;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await RawAsync(sandbox, token, plant);
        Assert.True(watch.ElapsedMilliseconds >= 290);
    }

    [Fact]
    public async Task The_407_text_can_come_in_data_and_quirks_switch_at_run_time()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = await sandbox.LoginAsync();
        var put = await sandbox.Client.PutAsync("/sandbox/admin/quirks", SandboxHost.Json("""{"rateLimitTextInData":true}"""));
        put.EnsureSuccessStatusCode();
        var codes = string.Join(',', sandbox.World.Fleet.Installer.PlantCodes);
        await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{codes}}"}""", xsrf: token);
        var limited = await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{codes}}"}""", xsrf: token);
        Assert.Equal(407, limited["failCode"]!.GetValue<int>());
        Assert.Equal("ACCESS_FREQUENCY_IS_TOO_HIGH", limited["data"]!.GetValue<string>());
        Assert.Null(limited["message"]);
    }
}
