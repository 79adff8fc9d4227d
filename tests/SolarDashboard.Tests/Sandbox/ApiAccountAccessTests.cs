using System.Text.Json.Nodes;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>Reference 3.2.2: login, logout, the XSRF session and its limits.</summary>
public sealed class ApiAccountAccessTests
{
    private const string Stations = """{"pageNo":1}""";

    [Fact]
    public async Task Login_returns_the_token_in_the_xsrf_header_and_the_cookie_with_the_documented_envelope()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        // Reference 3.2.2.1 request example, with the demo account in place of the asterisks.
        var response = await sandbox.Client.PostAsync(SandboxHost.Nbi + "/thirdData/login",
            SandboxHost.Json("""{ "userName":"demo-installer", "systemCode":"demo-installer-2024" }"""));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Equal(0, body["failCode"]!.GetValue<int>());
        Assert.Null(body["data"]);
        var header = Assert.Single(response.Headers.GetValues("xsrf-token"));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"XSRF-TOKEN={header}", StringComparison.Ordinal));
        var stations = await sandbox.PostAsync("thirdData/stations", Stations, xsrf: header);
        Assert.Equal(0, stations["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Calls_without_a_valid_token_get_305()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var none = await sandbox.PostAsync("thirdData/stations", Stations);
        var bogus = await sandbox.PostAsync("thirdData/stations", Stations, xsrf: "x-not-a-token");
        Assert.Equal(305, none["failCode"]!.GetValue<int>());
        Assert.False(none["success"]!.GetValue<bool>());
        Assert.Equal(305, bogus["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_new_login_invalidates_the_previous_token()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var first = await sandbox.LoginAsync();
        var second = await sandbox.LoginAsync();
        Assert.Equal(305, (await sandbox.PostAsync("thirdData/stations", Stations, xsrf: first))["failCode"]!.GetValue<int>());
        Assert.Equal(0, (await sandbox.PostAsync("thirdData/stations", Stations, xsrf: second))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_session_slides_for_30_minutes_of_use_and_expires_after_30_idle_minutes()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = await sandbox.LoginAsync();
        for (var i = 0; i < 3; i++)
        {
            sandbox.Time.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(0, (await sandbox.PostAsync("thirdData/getDevList", $$"""{"stationCodes":"{{sandbox.World.Fleet.Installer.PlantCodes[0]}}"}""", xsrf: token))["failCode"]!.GetValue<int>());
        }
        sandbox.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(305, (await sandbox.PostAsync("thirdData/stations", Stations, xsrf: token))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Logout_makes_the_token_expire_at_once()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = await sandbox.LoginAsync();
        var logout = await sandbox.PostAsync("thirdData/logout", $$"""{"xsrfToken":"{{token}}"}""", xsrf: token);
        Assert.Equal(0, logout["failCode"]!.GetValue<int>());
        Assert.Equal(token, logout["params"]!["xsrfToken"]!.GetValue<string>());
        Assert.Equal(305, (await sandbox.PostAsync("thirdData/stations", Stations, xsrf: token))["failCode"]!.GetValue<int>());
        Assert.Equal(20004, (await sandbox.PostAsync("thirdData/logout", $$"""{"xsrfToken":"{{token}}"}"""))["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_are_refused_with_their_codes()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var wrong = await sandbox.PostAsync("thirdData/login", """{"userName":"demo-installer","systemCode":"nope"}""");
        var unknown = await sandbox.PostAsync("thirdData/login", """{"userName":"someone","systemCode":"nope"}""");
        Assert.Equal(20400, wrong["failCode"]!.GetValue<int>());
        Assert.False(wrong["success"]!.GetValue<bool>());
        Assert.NotNull(wrong["params"]!["currentTime"]);
        Assert.Equal(20001, unknown["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Five_logins_in_ten_minutes_are_allowed_and_the_sixth_gets_407()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        for (var i = 0; i < 5; i++) await sandbox.LoginAsync();
        var sixth = await sandbox.PostAsync("thirdData/login", """{"userName":"demo-installer","systemCode":"demo-installer-2024"}""");
        Assert.Equal(407, sixth["failCode"]!.GetValue<int>());
        sandbox.Time.Advance(TimeSpan.FromMinutes(10));
        await sandbox.LoginAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_30_minutes_even_for_the_right_password()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await sandbox.PostAsync("thirdData/login", """{"userName":"demo-installer","systemCode":"wrong"}""");
            sandbox.Time.Advance(TimeSpan.FromMinutes(1)); // stay under the login rate limit, inside the 10-minute failure window
        }
        sandbox.Time.Advance(TimeSpan.FromMinutes(6));
        var locked = await sandbox.PostAsync("thirdData/login", """{"userName":"demo-installer","systemCode":"demo-installer-2024"}""");
        Assert.Equal(20400, locked["failCode"]!.GetValue<int>());
        Assert.Contains("locked", locked["message"]!.GetValue<string>());

        sandbox.Time.Advance(TimeSpan.FromMinutes(25));
        await sandbox.LoginAsync();
    }

    [Fact]
    public async Task Api_accounts_may_not_call_control_apis()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = await sandbox.LoginAsync();
        var code = sandbox.World.Fleet.Installer.PlantCodes[0];
        var answer = await sandbox.PostAsync("/sandbox/fusionsolar/rest/openapi/pvms/nbi/v2/control/charge-and-discharge/async-task",
            $$"""{"tasks":[{"plantCode":"{{code}}","dispatchSwitch":0}]}""", xsrf: token);
        Assert.Equal(401, answer["failCode"]!.GetValue<int>());
        Assert.False(answer["success"]!.GetValue<bool>());
    }
}
