using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>Calls the REDEX sandbox the way a client would, over HTTP into the in-memory sandbox.</summary>
public sealed class RedexCall(SandboxHost sandbox)
{
    public const string Base = "/sandbox/redex/public/v2/";
    public const string Admin = "/sandbox/admin/redex/";
    public const string Key = "demo-redex-key", Client = "demo-redex-client", Secret = "demo-redex-secret";
    public const string OtherKey = "demo-redex-other-key", OtherClient = "demo-redex-other-client", OtherSecret = "demo-redex-other-secret";

    /// <summary>The reference's example device, registered on the demo account with start date 2016-01-01 and 5 kW.</summary>
    public const string ExampleInverter = "STR10000000338444";

    /// <summary>An ATESS entry of the demo account: 50 kW, start date 2025-03-01.</summary>
    public const string AtessInverter = "STR10000000350001";

    public SandboxHost Sandbox => sandbox;

    public static async Task<RedexCall> StartAsync(Action<SandboxOptions>? configure = null) => new(await SandboxHost.StartAsync(configure));

    public async Task<RedexAnswer> TokenAsync(string key = Key, string client = Client, string secret = Secret) =>
        await PostAsync("connect/token", $$"""{"GrantType":"api_key","ApiKey":"{{key}}","ClientId":"{{client}}","ClientSecret":"{{secret}}"}""");

    public async Task<string> AccessTokenAsync(string key = Key, string client = Client, string secret = Secret)
    {
        var answer = await TokenAsync(key, client, secret);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Data["AccessToken"]!.GetValue<string>();
    }

    public async Task<RedexAnswer> PostAsync(string path, string body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + path) { Content = SandboxHost.Json(body) };
        return await SendAsync(request, token);
    }

    public async Task<RedexAnswer> GetAsync(string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Base + pathAndQuery);
        return await SendAsync(request, token);
    }

    public Task<RedexAnswer> SendDataAsync(string token, string body, string path = "generation-data") => PostAsync(path, body, token);

    public async Task<RedexAnswer> StatusAsync(string token, string processId) => await GetAsync($"generation-datas/statuses?ProcessId={processId}", token);

    public async Task<JsonNode> AdminAsync(string pathAndQuery)
    {
        var response = await sandbox.Client.GetAsync(Admin + pathAndQuery);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A generation-data body with one record per (date, period, accumulated), in the reference's field order.</summary>
    public static string Body(string remoteInvId, IEnumerable<(string Date, string Period, string Accumulated)> records,
        string frequency = "Daily", string accumulatedField = "AccumulatedPowerInKWh")
    {
        var data = new JsonArray([.. records.Select(r => (JsonNode)new JsonObject
        {
            ["Timestamp"] = r.Date, ["PeriodProductionInKWh"] = r.Period, [accumulatedField] = r.Accumulated,
        })]);
        return new JsonObject { ["Data"] = data, ["FrequencyType"] = frequency, ["RemoteInvId"] = remoteInvId }.ToJsonString();
    }

    /// <summary><paramref name="days"/> consecutive days from <paramref name="first"/>, each producing 10.5 kWh on top of <paramref name="startTotal"/>.</summary>
    public static IEnumerable<(string, string, string)> Days(DateOnly first, int days, decimal startTotal = 1000m, decimal perDay = 10.5m) =>
        Enumerable.Range(0, days).Select(i => (
            first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            perDay.ToString("0.000", CultureInfo.InvariantCulture),
            (startTotal + perDay * (i + 1)).ToString("0.000", CultureInfo.InvariantCulture)));

    private async Task<RedexAnswer> SendAsync(HttpRequestMessage request, string? token)
    {
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await sandbox.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text)!.AsObject() : null;
        return new RedexAnswer(response.StatusCode, body, response.Headers, text);
    }
}
