using Microsoft.Extensions.Logging.Abstractions;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Sandbox.Simulation;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.FusionSolar;
using SolarDashboard.Vendors.FusionSolar.Auth;
using SolarDashboard.Vendors.FusionSolar.Wire;
using LoginClient = SolarDashboard.Vendors.FusionSolar.FusionSolarLoginClient;

namespace SolarDashboard.Tests.Vendors;

/// <summary>The typed client and its authenticators against the sandbox, over HTTP in memory.</summary>
public sealed class ClientAgainstSandboxTests
{
    /// <summary>Vendor HTTP as the app makes it, with every client's requests going to the in-memory sandbox.</summary>
    private static VendorHttp Http(SandboxHost sandbox) => new(sandbox.CreateClientCache());

    private static (FusionSolarClient Client, ApiAccountAuthenticator Auth, List<NbiCallRecord> Calls) ApiAccount(SandboxHost sandbox, string password = "demo-installer-2024")
    {
        var http = Http(sandbox);
        var auth = new ApiAccountAuthenticator(new LoginClient(http, NullLogger<LoginClient>.Instance), SandboxHost.NbiBase, "demo-installer", () => password, NullLogger.Instance);
        var calls = new List<NbiCallRecord>();
        var client = new FusionSolarClient(http, SandboxHost.NbiBase, auth, sandbox.Time, NullLogger.Instance, c => { lock (calls) calls.Add(c); });
        return (client, auth, calls);
    }

    private static (FusionSolarClient Client, OAuthAuthenticator Auth, List<OAuthTokens> Persisted) Owner(SandboxHost sandbox, OAuthTokens tokens)
    {
        var http = Http(sandbox);
        var oauth = new FusionSolarOAuthClient(http, new OAuthClientSettings(new Uri("http://localhost/sandbox/fusionsolar-oauth/rest/dp/uidm/oauth2/v1/token"), "123456789", "demo-client-secret"),
            sandbox.Time, NullLogger<FusionSolarOAuthClient>.Instance);
        var persisted = new List<OAuthTokens>();
        var auth = new OAuthAuthenticator(oauth, tokens, (t, _) => { lock (persisted) persisted.Add(t); return Task.CompletedTask; }, sandbox.Time, NullLogger.Instance);
        return (new FusionSolarClient(http, SandboxHost.NbiBase, auth, sandbox.Time, NullLogger.Instance), auth, persisted);
    }

    private static async Task<OAuthTokens> ConsentAsync(SandboxHost sandbox, string owner = "owner-anna")
    {
        var answer = await sandbox.ConsentAsync(owner);
        return new OAuthTokens(answer["access_token"]!.GetValue<string>(), answer["refresh_token"]!.GetValue<string>(),
            sandbox.Time.GetUtcNow().AddSeconds(answer["expires_in"]!.GetValue<int>()), answer["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reads_every_basic_api_of_the_demo_fleet()
    {
        await using var sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        var (client, _, calls) = ApiAccount(sandbox);
        var page = await client.GetPlantsAsync(1);
        Assert.Equal(12, page.Total);
        var codes = page.Plants.Select(p => p.Code).ToList();
        var devices = await client.GetDevicesAsync(codes);
        Assert.Equal(sandbox.World.Fleet.Installer.PlantCodes.Sum(c => sandbox.World.Fleet.DevicesByPlant[c].Count()), devices.Count);
        var plantKpis = await client.GetPlantRealTimeAsync(codes);
        Assert.All(plantKpis, r => Assert.NotNull(r.Values["day_power"]));
        var batteries = devices.Where(d => d.TypeId == DevType.Battery).Select(d => d.Id).ToList();
        var realTime = await client.GetDeviceRealTimeAsync(DevType.Battery, batteries);
        Assert.Equal(batteries.Count, realTime.Count);
        var now = sandbox.Time.GetUtcNow();
        var history = await client.GetDeviceHistoryAsync(DevType.Battery, batteries, now.AddDays(-3), now);
        Assert.InRange(history.Count, batteries.Count * 863, batteries.Count * 865); // 3 days of 5-minute samples each
        var alarms = await client.GetActiveAlarmsAsync(codes, now.AddDays(-30), now);
        Assert.All(alarms, a => Assert.Contains(a.StationCode, codes));
        foreach (var period in Enum.GetValues<NbiReportPeriod>())
            Assert.NotEmpty(await client.GetPlantReportAsync(period, codes, now));
        Assert.NotEmpty(await client.GetDeviceReportAsync(NbiReportPeriod.Day, DevType.Battery, batteries, now));
        Assert.All(calls, c => Assert.True(c.Succeeded));
    }

    [Fact]
    public async Task A_305_signs_in_again_once_and_the_call_succeeds()
    {
        await using var sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        var (client, auth, calls) = ApiAccount(sandbox);
        await client.GetPlantsAsync(1);
        await sandbox.LoginAsync(); // another process logs in with the same account: our token dies (305)
        var page = await client.GetPlantsAsync(1);
        Assert.Equal(12, page.Total);
        Assert.Equal(2, auth.Logins);
        Assert.Equal([true, false, true], calls.Select(c => c.Succeeded));
        Assert.Equal(305, calls[1].FailCode);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_login()
    {
        await using var sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        var (client, auth, _) = ApiAccount(sandbox);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetPlantsAsync(1)));
        Assert.Equal(1, auth.Logins);
    }

    [Fact]
    public async Task A_rejected_password_stops_all_further_logins()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (client, auth, _) = ApiAccount(sandbox, password: "wrong");
        for (var i = 0; i < 10; i++)
        {
            var ex = await Assert.ThrowsAsync<FusionSolarException>(() => client.GetPlantsAsync(1));
            Assert.Equal(FusionSolarErrorKind.CredentialsRejected, ex.Error.Kind);
        }
        Assert.Equal(1, auth.Logins); // far from the 5 wrong passwords that lock the account
        // The account is not locked: the right password still works.
        var (good, _, _) = ApiAccount(sandbox);
        Assert.Equal(12, (await good.GetPlantsAsync(1)).Total);
    }

    [Fact]
    public async Task Throttling_is_a_typed_failure_and_the_next_window_works()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (client, _, _) = ApiAccount(sandbox);
        var codes = sandbox.World.Fleet.Installer.PlantCodes;
        await client.GetPlantRealTimeAsync(codes);
        var ex = await Assert.ThrowsAsync<FusionSolarException>(() => client.GetPlantRealTimeAsync(codes));
        Assert.Equal(FusionSolarErrorKind.RateLimited, ex.Error.Kind);
        Assert.Equal(407, ex.Error.FailCode);
        sandbox.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(codes.Count, (await client.GetPlantRealTimeAsync(codes)).Count);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Loose_values_from_the_vendor_are_read(bool numbersAsStrings, double missingRate)
    {
        await using var sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        var (client, _, _) = ApiAccount(sandbox);
        await client.GetPlantsAsync(1);
        sandbox.Service<Quirks>().Current = new QuirkOptions { NumbersAsStrings = numbersAsStrings, MissingValueRate = missingRate };
        var rows = await client.GetPlantRealTimeAsync(sandbox.World.Fleet.Installer.PlantCodes);
        if (numbersAsStrings) Assert.All(rows, r => Assert.NotNull(r.Values["total_power"]));
        else Assert.All(rows, r => Assert.All(r.Values.Values, v => Assert.Null(v)));
    }

    [Fact]
    public async Task The_access_token_is_refreshed_ahead_of_expiry_once_and_persisted_before_use()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (client, auth, persisted) = Owner(sandbox, await ConsentAsync(sandbox));
        await client.GetPlantsAsync(1);
        Assert.Equal(0, auth.Refreshes);
        sandbox.Time.Advance(TimeSpan.FromMinutes(56));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetPlantsAsync(1)));
        Assert.Equal(1, auth.Refreshes);
        var saved = Assert.Single(persisted);
        Assert.Equal(saved, auth.Current);
        Assert.True(saved.ExpiresAt > sandbox.Time.GetUtcNow().AddMinutes(55));
    }

    [Fact]
    public async Task A_revoked_consent_becomes_reauthorization_required_without_retry_loops()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (client, auth, _) = Owner(sandbox, await ConsentAsync(sandbox));
        await sandbox.Client.PostAsync("/sandbox/admin/oauth/revoke/owner-anna", null);
        for (var i = 0; i < 3; i++)
        {
            var ex = await Assert.ThrowsAsync<FusionSolarException>(() => client.GetPlantsAsync(1));
            Assert.Equal(FusionSolarErrorKind.ReauthorizationRequired, ex.Error.Kind);
        }
        Assert.Equal(1, auth.Refreshes);
    }
}
