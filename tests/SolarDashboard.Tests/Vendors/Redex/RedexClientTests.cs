using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Redex;
using SolarDashboard.Testing;
using SolarDashboard.Tests.Support;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.Redex;

namespace SolarDashboard.Tests.Vendors.Redex;

/// <summary>
/// The REDEX client against the reference's literal request and answers (fixtures) and against the sandbox: token and
/// refresh, generation data with 3 decimals, the status query, and every failure typed.
/// </summary>
public sealed class RedexClientTests : IAsyncLifetime
{
    private static readonly Uri Base = new("http://localhost/sandbox/redex/");
    private const string Inverter = "STR10000000350001"; // demo ATESS entry: 50 kW, from 2025-03-01
    private SandboxHost _sandbox = null!;
    private RedexClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _client = new RedexClient(new VendorHttp(_sandbox.CreateClientCache()), Options.Create(new RedexOptions()), _sandbox.Time);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private static string Fixture(string file) => ReferenceDocs.Fixture("Redex", file);

    private Task<RegistryTokens> TokenAsync() =>
        _client.TokenAsync(new RegistryCredentials(Base, "demo-redex-key", "demo-redex-client", "demo-redex-secret"));

    private static GenerationRecord Day(string date, string period, string accumulated) => new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), period, accumulated);

    [Fact]
    public void The_body_is_the_reference_request_example_with_three_decimals()
    {
        var example = JsonNode.Parse(Fixture("send-generation-data-request-example.json"))!.AsObject();
        var records = example["Data"]!.AsArray().Select(r => Day(r!["Timestamp"]!.GetValue<string>(), r["PeriodProductionInKWh"]!.GetValue<string>(),
            r["AccumulatedPowerInKWh"]!.GetValue<string>())).ToList();

        var body = RedexClient.Body(example["RemoteInvId"]!.GetValue<string>(), records);

        // Same members in the same order; each value rounded to the 3 decimals the registry takes ("0.1234" → "0.123").
        Assert.Equal(example.Select(p => p.Key), body.Select(p => p.Key));
        Assert.Equal(example["Data"]![0]!.AsObject().Select(p => p.Key), body["Data"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(("Daily", "STR10000000338444"), (body["FrequencyType"]!.GetValue<string>(), body["RemoteInvId"]!.GetValue<string>()));
        Assert.Equal(["0.123", "0.235", "0.457"], body["Data"]!.AsArray().Select(r => r!["PeriodProductionInKWh"]!.GetValue<string>()));
        Assert.Equal(["5.123", "5.358", "5.815"], body["Data"]!.AsArray().Select(r => r!["AccumulatedPowerInKWh"]!.GetValue<string>()));
    }

    [Fact]
    public void The_newer_field_spelling_is_configurable() =>
        Assert.Equal("1.000", RedexClient.Body("X", [Day("2026-01-01", "1", "1")], "AccumulatedEnergyInKWh")["Data"]![0]!["AccumulatedEnergyInKWh"]!.GetValue<string>());

    [Fact]
    public void The_reference_success_answer_is_read_and_its_empty_data_has_no_process_id()
    {
        var data = RedexClient.Read(200, Fixture("send-generation-data-response-200-success.json"), null);
        Assert.Empty(data!.AsObject());
    }

    [Theory]
    [InlineData("send-generation-data-response-400-bad-request.txt", 400, RegistryErrorKind.BadRequest)] // not valid JSON as printed
    [InlineData("send-generation-data-response-401-unauthorized.json", 401, RegistryErrorKind.Unauthorized)]
    [InlineData("send-generation-data-response-403-forbidden.json", 403, RegistryErrorKind.Forbidden)]
    [InlineData("send-generation-data-response-422-unprocessable-entity.json", 422, RegistryErrorKind.Unprocessable)]
    public void Each_reference_error_answer_is_typed(string file, int status, RegistryErrorKind kind)
    {
        var ex = Assert.Throws<RegistryException>(() => RedexClient.Read(status, Fixture(file), null));
        Assert.Equal((kind, status), (ex.Kind, ex.Status));
    }

    [Fact]
    public void A_refusal_counts_as_redexs_own_only_in_its_envelope()
    {
        // The account form tells "REDEX refused these credentials" only from REDEX's own answer (reference 401 example);
        // a bare 401 or 403 from whatever else answers at an address reads like no answer at all.
        var own = Assert.Throws<RegistryException>(() => RedexClient.Read(401, Fixture("send-generation-data-response-401-unauthorized.json"), null));
        var bare = Assert.Throws<RegistryException>(() => RedexClient.Read(401, "Unauthorized", null));
        var page = Assert.Throws<RegistryException>(() => RedexClient.Read(403, "<html><body>Forbidden</body></html>", null));
        Assert.Equal((RegistryErrorKind.Unauthorized, true), (own.Kind, own.InEnvelope));
        Assert.False(bare.InEnvelope);
        Assert.False(page.InEnvelope);
    }

    [Fact]
    public void An_html_gateway_page_and_a_throttled_answer_are_typed()
    {
        var html = Assert.Throws<RegistryException>(() => RedexClient.Read(502, "<html><body>Bad Gateway</body></html>", null));
        var throttled = Assert.Throws<RegistryException>(() => RedexClient.Read(429, """{"Data":null,"StatusCode":429,"Message":"Too Many Requests"}""", "17"));
        Assert.Equal(RegistryErrorKind.Gateway, html.Kind);
        Assert.Equal((RegistryErrorKind.TooManyRequests, TimeSpan.FromSeconds(17)), (throttled.Kind, throttled.RetryAfter));
    }

    [Fact]
    public async Task Data_goes_with_a_token_and_its_process_reaches_success()
    {
        var tokens = await TokenAsync();
        var id = await _client.SendAsync(Base, tokens.AccessToken, Inverter, [Day("2026-06-01", "10.5", "100.5"), Day("2026-06-02", "11.25", "111.75")]);
        Assert.Equal("New", (await _client.StatusAsync(Base, tokens.AccessToken, id)).Status);

        _sandbox.Time.Advance(TimeSpan.FromMinutes(7));
        var done = await _client.StatusAsync(Base, tokens.AccessToken, id);
        Assert.Equal(("Success", null), (done.Status, done.Reason));
        var days = JsonNode.Parse(await _sandbox.Client.GetStringAsync($"/sandbox/admin/redex/inverters/{Inverter}/days"))!.AsArray();
        Assert.Equal(["10.500", "11.250"], days.Select(d => d!["current"]!["periodProductionInKWh"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refresh_gives_a_new_pair_and_an_expired_token_is_unauthorized()
    {
        var first = await TokenAsync();
        var refreshed = await _client.RefreshAsync(Base, "demo-redex-client", first.RefreshToken);
        Assert.NotEqual(first.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(_sandbox.Time.GetUtcNow().AddHours(1), refreshed.AccessExpiresAt);

        _sandbox.Time.Advance(TimeSpan.FromHours(1));
        var ex = await Assert.ThrowsAsync<RegistryException>(() => _client.StatusAsync(Base, refreshed.AccessToken, Guid.NewGuid().ToString()));
        Assert.Equal((RegistryErrorKind.Unauthorized, "The token has expired"), (ex.Kind, ex.Message));
    }

    [Fact]
    public async Task Wrong_credentials_broken_rules_and_foreign_processes_are_typed()
    {
        var wrong = await Assert.ThrowsAsync<RegistryException>(() => _client.TokenAsync(new RegistryCredentials(Base, "x", "demo-redex-client", "y")));
        var token = (await TokenAsync()).AccessToken;
        var rules = await Assert.ThrowsAsync<RegistryException>(() => _client.SendAsync(Base, token, "STR-UNKNOWN", [Day("2026-06-01", "1", "1")]));
        var unknown = await Assert.ThrowsAsync<RegistryException>(() => _client.StatusAsync(Base, token, Guid.NewGuid().ToString()));

        Assert.Equal(RegistryErrorKind.Unauthorized, wrong.Kind);
        Assert.Equal(RegistryErrorKind.Unprocessable, rules.Kind);
        Assert.Contains(rules.Errors, e => e.StartsWith("RemoteInvId:", StringComparison.Ordinal));
        Assert.Equal(RegistryErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task More_than_3000_records_never_leave()
    {
        var days = Enumerable.Range(0, 3001).Select(i => new GenerationRecord(new DateOnly(2020, 1, 1).AddDays(i), "1", "1")).ToList();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.SendAsync(Base, "t", Inverter, days));
    }

    [Fact]
    public async Task A_lost_answer_and_an_html_page_are_typed()
    {
        var token = (await TokenAsync()).AccessToken;
        await Quirks("""{"lostAnswerAfterProcessingRate":1}""");
        var lost = await Assert.ThrowsAsync<RegistryException>(() => _client.SendAsync(Base, token, Inverter, [Day("2026-06-01", "1", "1")]));
        await Quirks("""{"htmlErrorPageRate":1}""");
        var html = await Assert.ThrowsAsync<RegistryException>(() => _client.StatusAsync(Base, token, Guid.NewGuid().ToString()));

        Assert.Equal(RegistryErrorKind.NoAnswer, lost.Kind);
        Assert.Equal(RegistryErrorKind.Gateway, html.Kind);
    }

    private async Task Quirks(string json) =>
        (await _sandbox.Client.PutAsync("/sandbox/admin/redex/quirks", SandboxHost.Json(json))).EnsureSuccessStatusCode();

    [Fact]
    public async Task The_61st_request_within_a_minute_is_throttled_with_retry_after()
    {
        var token = (await TokenAsync()).AccessToken; // the token call counts
        for (var i = 0; i < 59; i++)
            await Assert.ThrowsAsync<RegistryException>(() => _client.StatusAsync(Base, token, Guid.NewGuid().ToString())); // 404s count too
        var ex = await Assert.ThrowsAsync<RegistryException>(() => _client.StatusAsync(Base, token, Guid.NewGuid().ToString()));
        Assert.Equal(RegistryErrorKind.TooManyRequests, ex.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, (HttpStatusCode)ex.Status!.Value);
        Assert.NotNull(ex.RetryAfter);
    }
}
