using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Authentication;

namespace SolarDashboard.Tests.Web.SignIn;

/// <summary>
/// Roles from the provider are re-checked at least every 15 minutes (refresh-token grant, new id_token validated), in
/// requests and in live circuits: a removed role stops working, a refused refresh ends the session.
/// </summary>
public sealed class ProviderRoleRefreshTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2031, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private TestIdentityProvider _provider = null!;
    private SignInHost _app = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        _app = await SignInHost.StartAsync(_provider, Now);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private async Task SignInAsync(Browser browser, string[] roles, string? refreshToken)
    {
        var request = await browser.StartSignInAsync(_provider);
        _provider.NextIdToken = _provider.Token(_app.Time.GetUtcNow(), request.Nonce, claims: Roles(roles));
        _provider.NextRefreshToken = refreshToken;
        using var callback = await browser.ReturnFromProviderAsync(request);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    private static Dictionary<string, object> Roles(params string[] roles) => new() { ["roles"] = roles };

    /// <summary>What the provider will answer to the next refresh: a fresh id_token with these roles, and a rotated refresh token.</summary>
    private void ProviderNowSays(string[] roles, string refreshToken, string subject = "user-1")
    {
        _provider.NextIdToken = _provider.Token(_app.Time.GetUtcNow(), nonce: null, subject: subject, claims: Roles(roles));
        _provider.NextRefreshToken = refreshToken;
    }

    private List<Dictionary<string, string>> Refreshes => _provider.TokenRequests.Where(r => r["grant_type"] == "refresh_token").ToList();

    [Fact]
    public async Task A_role_removed_at_the_provider_stops_working_within_15_minutes()
    {
        await SignInAsync(_app.Browser, ["Operator"], "rt-1");
        Assert.Equal("Anna Owner|Operator", await _app.Browser.Client.GetStringAsync("/me"));
        ProviderNowSays(["Owner"], "rt-2");

        _app.Time.Advance(TimeSpan.FromMinutes(13));
        Assert.Equal("Anna Owner|Operator", await _app.Browser.Client.GetStringAsync("/me"));
        Assert.Empty(Refreshes); // not at every request

        _app.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("Anna Owner|Owner", await _app.Browser.Client.GetStringAsync("/me"));
        Assert.Equal("rt-1", Assert.Single(Refreshes)["refresh_token"]);

        // The rotated refresh token went into the cookie and is the one used next time.
        ProviderNowSays(["Owner", "Operator"], "rt-3");
        _app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("Anna Owner|Operator,Owner", await _app.Browser.Client.GetStringAsync("/me"));
        Assert.Equal("rt-2", Refreshes[^1]["refresh_token"]);
    }

    [Fact]
    public async Task A_refused_refresh_signs_the_user_out()
    {
        await SignInAsync(_app.Browser, ["Operator"], "rt-1");
        _provider.ValidRefreshToken = null; // revoked at the provider
        _app.Time.Advance(TimeSpan.FromMinutes(16));

        using var me = await _app.Browser.Client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.StartsWith("/account/signin", me.Headers.Location!.AbsolutePath);
        Assert.Null(_app.Browser.SignInCookie);
        Assert.Contains(_app.LogLines, l => l.Contains("|Warning|") && l.Contains("refused", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_app.LogLines, l => l.Contains("rt-1"));
    }

    [Fact]
    public async Task Without_a_refresh_token_the_session_ends_when_the_roles_are_due()
    {
        await SignInAsync(_app.Browser, ["Operator"], refreshToken: null);
        _app.Time.Advance(TimeSpan.FromMinutes(16));
        using var me = await _app.Browser.Client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.Null(_app.Browser.SignInCookie);
    }

    public static TheoryData<string, Func<TestIdentityProvider, DateTimeOffset, string?>> BadRefreshAnswers => new()
    {
        { "another person", (p, now) => p.Token(now, null, subject: "someone-else", claims: Roles("Admin")) },
        { "another issuer", (p, now) => p.Token(now, null, issuer: "https://evil.example", claims: Roles("Admin")) },
        { "another audience", (p, now) => p.Token(now, null, audience: "other-client", claims: Roles("Admin")) },
        { "expired", (p, now) => p.Token(now.AddHours(-2), null, claims: Roles("Admin")) },
        { "signed by another key", (p, now) => p.Token(now, null, signWith: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }, claims: Roles("Admin")) },
        { "alg none", (p, now) => p.Token(now, null, signWith: TestIdentityProvider.Unsigned, claims: Roles("Admin")) },
        { "no id_token", (_, _) => null },
    };

    [Theory]
    [MemberData(nameof(BadRefreshAnswers))]
    public async Task A_refresh_answer_that_fails_validation_signs_the_user_out_and_grants_nothing(string what, Func<TestIdentityProvider, DateTimeOffset, string?> answer)
    {
        await SignInAsync(_app.Browser, ["Owner"], "rt-1");
        _app.Time.Advance(TimeSpan.FromMinutes(16));
        _provider.NextIdToken = answer(_provider, _app.Time.GetUtcNow());
        _provider.NextRefreshToken = "rt-2";

        using var me = await _app.Browser.Client.GetAsync("/me");
        Assert.True(me.StatusCode == HttpStatusCode.Redirect, what);
        Assert.Null(_app.Browser.SignInCookie);
        // Nothing of the bad answer reached the user's record.
        var user = await _app.Service<SolarDashboard.Core.Users.UserDirectory>().FindAsync(1);
        Assert.Equal(SolarDashboard.Core.Users.AppRoles.Owner, user!.Roles);
    }

    [Fact]
    public async Task Requests_at_once_share_one_refresh_and_an_older_cookie_does_not_spend_the_rotated_token_again()
    {
        await SignInAsync(_app.Browser, ["Operator"], "rt-1");
        var cookieBeforeRefresh = _app.Browser.SignInCookie!;
        ProviderNowSays(["Owner"], "rt-2");
        _app.Time.Advance(TimeSpan.FromMinutes(16));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _app.Browser.Client.GetStringAsync("/me")));
        Assert.All(answers, a => Assert.Equal("Anna Owner|Owner", a));
        Assert.Single(Refreshes);

        // A request that left the browser before the refresh finished still carries the old cookie (and rt-1).
        using var late = _app.NewBrowser();
        late.Cookies.Add(new Uri("http://localhost/"), new System.Net.Cookie(AuthenticationSetup.CookieName, cookieBeforeRefresh));
        Assert.Equal("Anna Owner|Owner", await late.Client.GetStringAsync("/me"));
        Assert.Single(Refreshes);
    }

    [Fact]
    public async Task App_managed_roles_are_never_sent_back_to_the_provider()
    {
        await using var app = await SignInHost.StartAsync(_provider, Now, new Dictionary<string, string?> { ["Authentication:Oidc:RoleClaim"] = "" });
        var request = await app.Browser.StartSignInAsync(_provider);
        _provider.NextIdToken = _provider.Token(Now, request.Nonce);
        _provider.NextRefreshToken = "rt-1";
        using (var callback = await app.Browser.ReturnFromProviderAsync(request)) Assert.Equal("/", callback.Headers.Location!.OriginalString);
        app.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal("Anna Owner|", await app.Browser.Client.GetStringAsync("/me"));
        Assert.Empty(Refreshes);
    }

    [Fact]
    public async Task A_live_circuit_re_checks_the_provider_and_gives_up_its_sign_in_when_a_role_was_removed()
    {
        await SignInAsync(_app.Browser, ["Operator"], "rt-1");
        var circuitUser = _app.Service<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme)
            .TicketDataFormat.Unprotect(_app.Browser.SignInCookie)!.Principal;
        await using var scope = _app.Service<IServiceScopeFactory>().CreateAsyncScope();
        var circuit = Assert.IsType<CircuitRoleRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());

        Assert.True(await circuit.IsStillValidAsync(circuitUser, default));
        ProviderNowSays(["Operator"], "rt-2");
        _app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.True(await circuit.IsStillValidAsync(circuitUser, default)); // re-checked, unchanged
        Assert.Equal("rt-1", Assert.Single(Refreshes)["refresh_token"]);

        ProviderNowSays(["Owner"], "rt-3");
        _app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.False(await circuit.IsStillValidAsync(circuitUser, default)); // the page reloads through sign-in with the new roles
        Assert.Equal("rt-2", Refreshes[^1]["refresh_token"]);

        // The browser's next request picks up what the circuit learned, without another refresh.
        Assert.Equal("Anna Owner|Owner", await _app.Browser.Client.GetStringAsync("/me"));
        Assert.Equal(2, Refreshes.Count);
    }

    [Fact]
    public async Task A_refresh_refused_in_a_live_circuit_ends_the_session_everywhere()
    {
        await SignInAsync(_app.Browser, ["Operator"], "rt-1");
        var circuitUser = _app.Service<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme)
            .TicketDataFormat.Unprotect(_app.Browser.SignInCookie)!.Principal;
        await using var scope = _app.Service<IServiceScopeFactory>().CreateAsyncScope();
        var circuit = Assert.IsType<CircuitRoleRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());

        _provider.ValidRefreshToken = null;
        _app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.False(await circuit.IsStillValidAsync(circuitUser, default));
        using var me = await _app.Browser.Client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.Null(_app.Browser.SignInCookie);
    }

    [Fact]
    public async Task The_app_gives_its_circuits_the_revalidating_authentication_state()
    {
        var dir = Directory.CreateTempSubdirectory("sd-web-").FullName;
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
        services.AddLogging();
        SolarDashboard.Core.CoreServiceCollectionExtensions.AddSolarDashboardCore(services, configuration, dir);
        SolarDashboard.Hosting.WebServiceCollectionExtensions.AddSolarDashboardWeb(services);
        services.AddSingleton<SolarDashboard.Core.IAppAddress, NoServer>(); // no Kestrel here
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        Assert.IsType<CircuitRoleRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, true);
    }

    private sealed class NoServer : SolarDashboard.Core.IAppAddress
    {
        public Uri? Current => null;
    }
}
