using System.Net;
using System.Text.Json.Nodes;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>Reference 3.1 and 8.1: the authorize page, the token endpoint and bearer access to the APIs.</summary>
public sealed class OAuthConnectTests
{
    private const string Redirect = "http://localhost:5080/connections/fusionsolar/callback";
    private const string Authorize = SandboxHost.OAuth + "/rest/dp/uidm/oauth2/v1/authorize";
    private const string Token = SandboxHost.OAuth + "/rest/dp/uidm/oauth2/v1/token";

    private static string AuthorizeUrl(string clientId = "123456789", string redirect = Redirect, string? scope = "pvms.openapi.basic pvms.openapi.control") =>
        $"{Authorize}?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirect)}&state=abc" +
        (scope is null ? "" : "&scope=" + Uri.EscapeDataString(scope));

    private static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(SandboxHost sandbox, params (string, string)[] fields)
    {
        var response = await sandbox.Client.PostAsync(Token, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static async Task<string> CodeAsync(SandboxHost sandbox, string scope = "pvms.openapi.basic pvms.openapi.control")
    {
        var form = new FormUrlEncodedContent(
        [
            new("client_id", "123456789"), new("redirect_uri", Redirect), new("state", "abc"), new("requested_scope", scope),
            new("username", "owner-anna"), new("password", "demo"), new("decision", "allow"),
            .. scope.Split(' ').Select(s => new KeyValuePair<string, string>("scope", s)),
        ]);
        var response = await sandbox.Client.PostAsync(Authorize, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(Redirect + "?code=", location);
        Assert.EndsWith("&state=abc", location);
        return Uri.UnescapeDataString(location.Split("code=")[1].Split('&')[0]);
    }

    private static (string, string)[] CodeGrant(string code) =>
        [("grant_type", "authorization_code"), ("code", code), ("client_id", "123456789"), ("client_secret", "demo-client-secret"), ("redirect_uri", Redirect)];

    [Fact]
    public async Task Authorize_shows_a_sign_in_page_with_the_requested_permission_sets()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var html = await sandbox.Client.GetStringAsync(AuthorizeUrl());
        Assert.Contains("name=\"password\"", html);
        Assert.Contains("value=\"pvms.openapi.basic\"", html);
        Assert.Contains("value=\"pvms.openapi.control\"", html);
    }

    [Theory]
    [InlineData("999999999", Redirect)]
    [InlineData("123456789", "https://evil.example.com/cb")]
    public async Task Authorize_refuses_an_unknown_client_or_redirect_uri_with_the_whitelabel_page(string clientId, string redirect)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var response = await sandbox.Client.GetAsync(AuthorizeUrl(clientId, redirect));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Whitelabel Error Page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_scope_is_redirected_back_with_invalid_scope()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var response = await sandbox.Client.GetAsync(AuthorizeUrl(scope: "pvms.openapi.everything"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Redirect + "?error=invalid_scope&error_description=OAuth%202.0%20Parameter:%20scope&state=abc", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_denial_is_redirected_back_with_error_10002()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var response = await sandbox.Client.PostAsync(Authorize, new FormUrlEncodedContent(
        [
            new("client_id", "123456789"), new("redirect_uri", Redirect), new("state", "abc"), new("decision", "deny"),
        ]));
        Assert.Equal(Redirect + "?error=10002&error_description=access_is_denied&state=abc", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_code_gives_the_documented_token_answer_once()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var code = await CodeAsync(sandbox);
        var (status, body) = await TokenAsync(sandbox, CodeGrant(code));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal("pvms.openapi.basic pvms.openapi.control", body["scope"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["refresh_token"]!.GetValue<string>()));

        var (again, error) = await TokenAsync(sandbox, CodeGrant(code));
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal("1110", error["error"]!.GetValue<string>());
        Assert.Equal("invalid_grant", error["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_code_dies_after_5_minutes()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var code = await CodeAsync(sandbox);
        sandbox.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var (status, body) = await TokenAsync(sandbox, CodeGrant(code));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("1110", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_errors_match_section_8_1_2()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (s1, b1) = await TokenAsync(sandbox, ("grant_type", "password"), ("client_id", "123456789"), ("client_secret", "demo-client-secret"));
        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Equal("1111", b1["error"]!.GetValue<string>());
        Assert.Equal("unsupported_grant_type", b1["error_description"]!.GetValue<string>());

        var (s2, b2) = await TokenAsync(sandbox, ("grant_type", "refresh_token"), ("refresh_token", "x"), ("client_id", "123456789"), ("client_secret", "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, s2);
        Assert.Equal("invalid_client", b2["error"]!.GetValue<string>());

        var (s3, b3) = await TokenAsync(sandbox, ("grant_type", "refresh_token"), ("refresh_token", "unknown"), ("client_id", "123456789"), ("client_secret", "demo-client-secret"));
        Assert.Equal(HttpStatusCode.BadRequest, s3);
        Assert.Equal("1110", b3["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refresh_invalidates_the_previous_access_token()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var tokens = await sandbox.ConsentAsync();
        var old = tokens["access_token"]!.GetValue<string>();
        var (_, refreshed) = await TokenAsync(sandbox, ("grant_type", "refresh_token"), ("refresh_token", tokens["refresh_token"]!.GetValue<string>()),
            ("client_id", "123456789"), ("client_secret", "demo-client-secret"));
        var fresh = refreshed["access_token"]!.GetValue<string>();

        var rejected = await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: old);
        Assert.Equal(305, rejected["failCode"]!.GetValue<int>());
        Assert.Equal("INVALID_CREDENTIAL", rejected["message"]!.GetValue<string>());
        Assert.Equal(0, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: fresh))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_access_token_lives_one_hour()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = (await sandbox.ConsentAsync())["access_token"]!.GetValue<string>();
        sandbox.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: token))["failCode"]!.GetValue<int>());
        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(305, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: token))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Owners_see_only_their_plants_and_scopes_are_enforced()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = (await sandbox.ConsentAsync("owner-anna", "pvms.openapi.basic"))["access_token"]!.GetValue<string>();
        var list = await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: token);
        var anna = sandbox.World.Fleet.Owners.Single(o => o.UserName == "owner-anna");
        Assert.Equal(anna.PlantCodes, list["data"]!["list"]!.AsArray().Select(p => p!["plantCode"]!.GetValue<string>()));

        var foreign = await sandbox.PostAsync("thirdData/getStationRealKpi", $$"""{"stationCodes":"{{sandbox.World.Fleet.Installer.PlantCodes[0]}}"}""", bearer: token);
        Assert.Equal(20056, foreign["failCode"]!.GetValue<int>());

        var control = await sandbox.PostAsync("/sandbox/fusionsolar/rest/openapi/pvms/nbi/v1/control/battery/mode/task-info", """{"taskId":"1"}""", bearer: token);
        Assert.Equal(401, control["failCode"]!.GetValue<int>());
        Assert.Equal("Invalid access to current interface!", control["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Incremental_authorization_retires_the_earlier_tokens()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var first = await sandbox.ConsentAsync("owner-anna", "pvms.openapi.basic");
        var second = await sandbox.ConsentAsync("owner-anna", "pvms.openapi.basic pvms.openapi.control");
        Assert.Equal(305, (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: first["access_token"]!.GetValue<string>()))["failCode"]!.GetValue<int>());
        var (status, _) = await TokenAsync(sandbox, ("grant_type", "refresh_token"), ("refresh_token", first["refresh_token"]!.GetValue<string>()),
            ("client_id", "123456789"), ("client_secret", "demo-client-secret"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("pvms.openapi.basic pvms.openapi.control", second["scope"]!.GetValue<string>());
    }
}
