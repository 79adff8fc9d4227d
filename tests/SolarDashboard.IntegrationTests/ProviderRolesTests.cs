using System.Net;
using System.Net.Http.Json;
using SolarDashboard.Testing;

namespace SolarDashboard.IntegrationTests;

/// <summary>
/// Roles changed at the identity provider reach a signed-in user within 15 minutes, and a sign-in the provider no longer
/// refreshes ends: the sandbox identity provider changes a demo user's roles or revokes them, and the demo's simulated
/// clock (the app's clock) is moved past the re-check.
/// </summary>
public sealed class ProviderRolesTests : IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();


    [Fact]
    public async Task A_role_removed_at_the_provider_stops_working_and_a_revoked_sign_in_ends()
    {
        using var olga = await BrowserlessSession.SignInAsync(_app.BaseAddress, "olga-operator");
        using (var control = await olga.Client.GetAsync("/control")) Assert.Equal(HttpStatusCode.OK, control.StatusCode);

        using (var change = await _app.Client.PutAsJsonAsync("sandbox/admin/idp/users/olga-operator/roles", new[] { "Owner" }))
            change.EnsureSuccessStatusCode();
        await _app.AdvanceClockAsync(16);
        using (var control = await olga.Client.GetAsync("/control"))
        {
            Assert.Equal(HttpStatusCode.Redirect, control.StatusCode);
            Assert.StartsWith("/account/denied", control.Headers.Location!.AbsolutePath);
        }
        Assert.Contains("Roles: Owner", await olga.Client.GetStringAsync("/"));

        // The provider ends her sign-in: the next re-check signs her out.
        using (var revoke = await _app.Client.PostAsync("sandbox/admin/idp/users/olga-operator/revoke", null)) revoke.EnsureSuccessStatusCode();
        await _app.AdvanceClockAsync(16);
        using var home = await olga.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/signin", home.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain(olga.Cookies.GetCookies(_app.BaseAddress), c => c.Name == "SolarDashboard.Auth");
    }
}
