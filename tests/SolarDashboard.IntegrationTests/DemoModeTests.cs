using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SolarDashboard.Testing;

namespace SolarDashboard.IntegrationTests;

/// <summary>What a newcomer gets from <c>dotnet run</c>: demo mode against the in-process sandbox, on any port.</summary>
public sealed class DemoModeTests : IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> HomeAsync() => await (await _app.AsAsync("adam-admin")).GetStringAsync("/");

    [Fact]
    public async Task Health_answers_200_when_the_database_is_usable()
    {
        using var response = await _app.Client.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(_app.DataDirectory, "solardashboard.db")));
    }

    [Fact]
    public async Task The_demo_installer_connection_is_created_and_signs_in_to_the_sandbox_on_the_port_the_app_listens_on()
    {
        await AppProcess.WaitUntilAsync(async () => (await HomeAsync()).Contains("data-connection-state=\"Connected\""),
            TimeSpan.FromSeconds(30), "the demo connection to connect");
        var html = await HomeAsync();
        Assert.Contains("Demo installer (sandbox)", html);
        Assert.Contains($"points at {_app.BaseAddress}sandbox/fusionsolar/", _app.Output);
    }

    [Fact]
    public async Task The_sandbox_answers_any_http_client_under_the_documented_paths()
    {
        // The app's own sync uses the same demo account, and a new login ends the previous session (305): log in again then.
        JsonNode body = null!;
        for (var attempt = 0; attempt < 3; attempt++) // within the sandbox's 5 logins per 10 minutes
        {
            using var login = await _app.Client.PostAsJsonAsync("sandbox/fusionsolar/thirdData/login", new { userName = "demo-installer", systemCode = "demo-installer-2024" });
            var token = login.Headers.GetValues("xsrf-token").Single();
            using var request = new HttpRequestMessage(HttpMethod.Post, "sandbox/fusionsolar/thirdData/stations") { Content = JsonContent.Create(new { pageNo = 1 }) };
            request.Headers.Add("XSRF-TOKEN", token);
            using var stations = await _app.Client.SendAsync(request);
            body = JsonNode.Parse(await stations.Content.ReadAsStringAsync())!;
            if (body["failCode"]!.GetValue<int>() != 305) break;
        }
        Assert.Equal(0, body["failCode"]!.GetValue<int>());
        Assert.True(body["data"]!["total"]!.GetValue<int>() >= 12);

        using var authorize = await _app.Client.GetAsync("sandbox/fusionsolar-oauth/rest/dp/uidm/oauth2/v1/authorize?response_type=code&client_id=123456789&redirect_uri="
            + Uri.EscapeDataString(_app.BaseAddress + "connections/fusionsolar/callback"));
        Assert.Equal(HttpStatusCode.OK, authorize.StatusCode);
    }

    [Fact]
    public async Task Front_end_packages_from_wwwroot_assets_are_served()
    {
        using var response = await _app.Client.GetAsync("lib/apexcharts/apexcharts.min.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var response = await (await _app.AsAsync("adam-admin")).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_blazor_script_is_served_so_pages_are_interactive()
    {
        using var response = await (await _app.AsAsync("adam-admin")).GetAsync("_framework/blazor.web.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The prerendered page carries a server component marker that blazor.web.js turns into a live circuit.
        Assert.Contains("\"type\":\"server\"", await HomeAsync());
    }

    [Fact]
    public async Task Passwords_never_reach_the_log()
    {
        await AppProcess.WaitUntilAsync(async () => (await HomeAsync()).Contains("data-connection-state=\"Connected\""),
            TimeSpan.FromSeconds(30), "the demo connection to connect");
        Assert.DoesNotContain("demo-installer-2024", _app.Output);
    }
}
