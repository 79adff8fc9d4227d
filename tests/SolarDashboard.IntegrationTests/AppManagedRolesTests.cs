using System.Net;
using SolarDashboard.Testing;

namespace SolarDashboard.IntegrationTests;

/// <summary>
/// An installation whose provider sends no role claim (roles managed in the app, a bootstrap admin configured) and whose
/// FusionSolar OAuth client secret is wrong: the first admin comes from configuration, everyone else waits for a role,
/// and the consent fails with its own page.
/// </summary>
public sealed class AppManagedRolesTests : IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(settings: new Dictionary<string, string>
    {
        ["Authentication:Oidc:RoleClaim"] = "",
        ["Authentication:Oidc:BootstrapAdmin"] = "owner-ben",
        ["FusionSolar:OAuth:ClientSecret"] = "not-the-secret",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_bootstrap_admin_becomes_admin_and_others_have_no_role_until_given_one()
    {
        var anna = await _app.AsAsync("owner-anna");
        Assert.Contains("data-testid=\"no-role\"", await anna.GetStringAsync("/"));
        Assert.DoesNotContain("connect-fusionsolar", await anna.GetStringAsync("/connections"));
        Assert.DoesNotContain("Demo installer", await anna.GetStringAsync("/connections"));

        var ben = await _app.AsAsync("owner-ben");
        using var users = await ben.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        var page = await users.Content.ReadAsStringAsync();
        Assert.Contains("Anna Owner", page);
        Assert.Contains("Ben Owner", page);
    }

    [Fact]
    public async Task Roles_managed_in_the_app_are_not_re_checked_with_the_provider()
    {
        var ben = await _app.AsAsync("owner-ben");
        using (var revoke = await _app.Client.PostAsync("sandbox/admin/idp/users/owner-ben/revoke", null)) revoke.EnsureSuccessStatusCode();
        await _app.AdvanceClockAsync(60);
        using var users = await ben.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public async Task A_wrong_client_secret_ends_the_consent_with_the_invalid_client_page()
    {
        using var ben = await BrowserlessSession.SignInAsync(_app.BaseAddress, "owner-ben");
        using var start = await ben.PostFormFromAsync("/connections", "/connections/fusionsolar/connect", new Dictionary<string, string> { ["purpose"] = "Connect" });
        var authorize = start.Headers.Location!;
        var html = await ben.Client.GetStringAsync(authorize);
        var form = BrowserlessSession.HiddenFields(html).ToList();
        form.AddRange([new("username", "owner-ben"), new("password", "demo"), new("decision", "allow"), new("scope", "pvms.openapi.basic")]);
        using var approved = await ben.Client.PostAsync(authorize, new FormUrlEncodedContent(form));
        using var callback = await ben.Client.GetAsync(approved.Headers.Location);
        Assert.Equal("/connections/fusionsolar/failed?reason=InvalidClient&purpose=Connect", callback.Headers.Location!.OriginalString);
        var failed = await ben.Client.GetStringAsync(callback.Headers.Location.OriginalString);
        Assert.Contains("client was not accepted", failed);
        Assert.DoesNotContain("consent-retry", failed); // retrying cannot help until the configuration is fixed
        Assert.DoesNotContain("not-the-secret", failed);
        Assert.DoesNotContain("not-the-secret", _app.Output);
    }
}
