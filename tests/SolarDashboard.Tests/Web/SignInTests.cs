using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Authentication;
using SolarDashboard.Hosting;
using SolarDashboard.Tests.Web.SignIn;

namespace SolarDashboard.Tests.Web;

/// <summary>
/// Sign-in on the framework's OpenID Connect handler, driven through the app's own account endpoints against a provider
/// that signs whatever a test asks for: every forged id_token fails closed. Also the return-URL rules and the CSP.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    /// <summary>The app's clock, pinned years away from real time (as the demo's simulated clock can be).</summary>
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

    [Fact]
    public async Task A_valid_token_signs_in_with_the_roles_of_the_configured_claim_and_lands_on_the_page_asked_for()
    {
        var request = await _app.Browser.StartSignInAsync(_provider, "/plants/3?range=week");
        var q = HttpUtility.ParseQueryString(request.Location.Query);
        Assert.Equal(("code", "S256", TestIdentityProvider.ClientId), (q["response_type"], q["code_challenge_method"], q["client_id"]));
        Assert.Contains("openid", q["scope"]!.Split(' '));

        _provider.NextIdToken = _provider.Token(Now, request.Nonce, claims: new Dictionary<string, object> { ["roles"] = new[] { "Owner", "Operator" } });
        using var callback = await _app.Browser.ReturnFromProviderAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/plants/3?range=week", callback.Headers.Location!.OriginalString);
        Assert.NotNull(_app.Browser.SignInCookie);
        Assert.Equal("Anna Owner|Operator,Owner", await _app.Browser.Client.GetStringAsync("/me"));
        // The code was redeemed with its PKCE verifier and the client's secret.
        var redemption = Assert.Single(_provider.TokenRequests);
        Assert.Equal(("authorization_code", request.Code), (redemption["grant_type"], redemption["code"]));
        Assert.False(string.IsNullOrEmpty(redemption["code_verifier"]));
    }

    public static TheoryData<string, Func<TestIdentityProvider, string, string>> Forgeries => new()
    {
        { "another issuer", (p, nonce) => p.Token(Now, nonce, issuer: "https://evil.example") },
        { "another audience", (p, nonce) => p.Token(Now, nonce, audience: "someone-else") },
        { "another nonce", (p, _) => p.Token(Now, "replayed-from-another-sign-in") },
        { "no nonce", (p, _) => p.Token(Now, nonce: null) },
        { "expired", (p, nonce) => p.Token(Now.AddHours(-2), nonce) },
        { "not valid yet", (p, nonce) => p.Token(Now.AddHours(1), nonce) },
        { "signed by another key", (p, nonce) => p.Token(Now, nonce, signWith: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }) },
        { "alg none", (p, nonce) => p.Token(Now, nonce, signWith: TestIdentityProvider.Unsigned) },
        { "signature stripped", (p, nonce) => string.Join('.', p.Token(Now, nonce).Split('.')[..2]) + "." },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_stale_token_signs_nobody_in_and_lands_on_the_failure_page(string what, Func<TestIdentityProvider, string, string> forge)
    {
        var request = await _app.Browser.StartSignInAsync(_provider, "/plants");
        _provider.NextIdToken = forge(_provider, request.Nonce);
        using var callback = await _app.Browser.ReturnFromProviderAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account/signin-failed?reason=rejected", callback.Headers.Location!.OriginalString);
        Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(AuthenticationSetup.CookieName + "=", StringComparison.Ordinal));
        Assert.True(_app.Browser.SignInCookie is null, what);
        using var me = await _app.Browser.Client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.StartsWith("/account/signin", me.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Cookies_expire_on_real_time_while_token_lifetimes_follow_the_apps_clock()
    {
        // The app's clock is years ahead, yet the correlation and nonce cookies last minutes of real time…
        using var challenge = await _app.Browser.Client.GetAsync("/account/signin?returnUrl=%2F");
        var cookies = challenge.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count(c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal) || c.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal)));
        foreach (var cookie in cookies)
        {
            var expires = DateTimeOffset.Parse(cookie.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("expires=", StringComparison.Ordinal))["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(2));
        }

        // …and the id_token, stamped on the app's clock, is valid (the same token judged on real time would not be).
        var request = await _app.Browser.StartSignInAsync(_provider);
        _provider.NextIdToken = _provider.Token(Now, request.Nonce, lifetime: TimeSpan.FromMinutes(5));
        using var callback = await _app.Browser.ReturnFromProviderAsync(request);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        // The sign-in cookie itself: 8 hours of real time.
        var ticket = _app.Service<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat.Unprotect(_app.Browser.SignInCookie);
        Assert.InRange(ticket!.Properties.ExpiresUtc!.Value, DateTimeOffset.UtcNow.AddHours(7.9), DateTimeOffset.UtcNow.AddHours(8.1));
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%0B")]
    [InlineData("%2F%0C")]
    [InlineData("%2F%00")]
    [InlineData("%2Fplants%5Cx")]
    public async Task A_return_url_with_a_control_character_or_backslash_sends_the_user_home_with_one_log_line(string returnUrl)
    {
        // Signed in: the app redirects at once.
        await SignInAsync(_app.Browser, ["Owner"]);
        var before = _app.LogLines.Count;
        using var signedIn = await _app.Browser.Client.GetAsync("/account/signin?returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        var logged = _app.LogLines.Skip(before).Where(l => l.Contains("|Warning|") || l.Contains("|Error|") || l.Contains("|Critical|")).ToList();
        var line = Assert.Single(logged);
        Assert.Contains("return URL", line);
        Assert.DoesNotContain(" at ", line); // no stack trace
        Assert.DoesNotContain('\n', line);

        // Not signed in: the provider is asked to send the user home afterwards.
        using var stranger = _app.NewBrowser();
        using var challenge = await stranger.Client.GetAsync("/account/signin?returnUrl=" + returnUrl);
        var state = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query)["state"];
        var oidc = _app.Service<IOptionsMonitor<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>>().Get(AuthenticationSetup.OidcScheme);
        Assert.Equal("/", oidc.StateDataFormat.Unprotect(state)!.RedirectUri);
    }

    [Fact]
    public async Task Each_kind_of_failure_reaches_the_failure_page_as_a_known_code()
    {
        // A state this app never made (or one from an expired sign-in).
        using (var forged = await _app.Browser.Client.GetAsync("/signin-oidc?code=abc&state=forged"))
            Assert.Equal("/account/signin-failed?reason=expired", forged.Headers.Location!.OriginalString);

        // The person cancelled at the provider.
        var request = await _app.Browser.StartSignInAsync(_provider);
        using (var denied = await _app.Browser.Client.GetAsync("/signin-oidc?error=access_denied&error_description=%3Cb%3Eattacker%3C%2Fb%3E&state=" + Uri.EscapeDataString(request.State)))
            Assert.Equal("/account/signin-failed?reason=denied", denied.Headers.Location!.OriginalString);

        // The provider refuses the code.
        request = await _app.Browser.StartSignInAsync(_provider);
        using (var refused = await _app.Browser.ReturnFromProviderAsync(request with { Code = "not-issued" }))
            Assert.Equal("/account/signin-failed?reason=provider", refused.Headers.Location!.OriginalString);
        Assert.Null(_app.Browser.SignInCookie);
    }

    [Theory]
    [InlineData("denied", "cancelled or refused")]
    [InlineData("expired", "took too long")]
    [InlineData("rejected", "did not pass")]
    [InlineData("provider", "refused to complete")]
    [InlineData("unavailable", "could not be reached")]
    [InlineData(null, "Something went wrong")]
    [InlineData("", "Something went wrong")]
    [InlineData("Your account is locked. Call +1-555-0100 now", "Something went wrong")]
    [InlineData("<script>alert(1)</script>", "Something went wrong")]
    public void The_failure_page_shows_only_the_text_of_a_known_code(string? reason, string expected)
    {
        var text = SignInFailure.Text(reason);
        Assert.Contains(expected, text);
        if (expected == "Something went wrong" && reason is { Length: > 0 }) Assert.DoesNotContain(reason, text);
    }

    /// <summary>Signs <paramref name="browser"/> in with these provider roles.</summary>
    [Fact]
    public async Task An_owner_with_one_plant_lands_on_it_after_sign_in_and_with_two_on_the_overview()
    {
        await SignInAsync(_app.Browser, ["Owner"]); // the first sign-in records the user
        var factory = _app.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<SolarDashboard.Core.Data.SolarDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var connection = new SolarDashboard.Core.Connections.VendorConnection { Name = "c", BaseUrl = "https://eu5.fusionsolar.huawei.com/", ProtectedSecret = "x", CreatedAt = Now };
            db.Connections.Add(connection);
            await db.SaveChangesAsync();
            var plants = new[] { "A", "B" }.Select(n => new SolarDashboard.Core.Plants.Plant { ConnectionId = connection.Id, VendorKey = n, Name = n, TimeZoneId = "+01:00", DiscoveredAt = Now, LastSeenAt = Now }).ToList();
            db.Plants.AddRange(plants);
            await db.SaveChangesAsync();
            db.PlantGrants.Add(new SolarDashboard.Core.Users.PlantGrant { UserId = db.Users.Single().Id, PlantId = plants[0].Id, GrantedAt = Now });
            await db.SaveChangesAsync();
        }
        var one = await LandingAsync();
        Assert.Matches(@"^/plants/\d+$", one);

        await using (var db = await factory.CreateDbContextAsync())
        {
            db.PlantGrants.Add(new SolarDashboard.Core.Users.PlantGrant { UserId = db.Users.Single().Id, PlantId = db.Plants.Single(p => p.Name == "B").Id, GrantedAt = Now });
            await db.SaveChangesAsync();
        }
        Assert.Equal("/", await LandingAsync());

        async Task<string> LandingAsync()
        {
            var browser = _app.NewBrowser();
            var request = await browser.StartSignInAsync(_provider);
            _provider.NextIdToken = _provider.Token(Now, request.Nonce, claims: new Dictionary<string, object> { ["roles"] = new[] { "Owner" } });
            using var callback = await browser.ReturnFromProviderAsync(request);
            return callback.Headers.Location!.OriginalString;
        }
    }

    private async Task SignInAsync(Browser browser, string[] roles, string? refreshToken = null)
    {
        var request = await browser.StartSignInAsync(_provider);
        _provider.NextIdToken = _provider.Token(_app.Time.GetUtcNow(), request.Nonce, claims: new Dictionary<string, object> { ["roles"] = roles });
        _provider.NextRefreshToken = refreshToken;
        using var callback = await browser.ReturnFromProviderAsync(request);
        Assert.NotNull(browser.SignInCookie);
    }

    [Theory]
    [InlineData("{\"roles\":[\"Admin\"]}", "roles", "Admin")]
    [InlineData("{\"realm_access\":{\"roles\":[\"Operator\",\"offline_access\"]}}", "realm_access.roles", "Operator,offline_access")]
    [InlineData("{\"https://solardashboard.example/roles\":[\"Owner\"]}", "https://solardashboard.example/roles", "Owner")]
    [InlineData("{\"roles\":\"Owner Operator\"}", "roles", "Owner,Operator")]
    [InlineData("{\"other\":1}", "roles", "")]
    public void Roles_are_read_from_flat_nested_and_url_named_claims(string payload, string claim, string expected)
    {
        using var doc = JsonDocument.Parse(payload);
        Assert.Equal(expected, string.Join(',', ProviderClaims.ReadRoles(doc.RootElement, claim)));
    }

    [Theory]
    [InlineData("/plants/3?range=week", true)]
    [InlineData("/", true)]
    [InlineData("https://evil.example/", false)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("/\t/evil.example", false)] // browsers drop the tab and read //evil.example
    [InlineData("/\u000B", false)]
    [InlineData("/\u000C", false)]
    [InlineData("/\0", false)]
    [InlineData("/plants\u007F", false)]
    [InlineData("/plants\u0085", false)]
    [InlineData("/plants\r\nSet-Cookie: x=1", false)]
    [InlineData("/plants\\3", false)]
    public void Only_paths_on_this_site_are_return_urls(string? url, bool local) => Assert.Equal(local, ReturnUrls.IsLocal(url));

    [Fact]
    public void The_csp_lets_forms_reach_only_this_site_and_the_configured_providers()
    {
        var demo = SecurityHeadersMiddleware.ContentSecurityPolicy("/sandbox/idp", "/sandbox/fusionsolar-oauth/authorize");
        Assert.Contains("form-action 'self';", demo);
        var real = SecurityHeadersMiddleware.ContentSecurityPolicy("https://login.example.com/realms/solar", "https://oauth2.fusionsolar.huawei.com/rest/dp/uidm/oauth2/v1/authorize");
        Assert.Contains("form-action 'self' https://login.example.com https://oauth2.fusionsolar.huawei.com;", real);
        Assert.Contains("script-src 'self';", real);
        Assert.Contains("frame-ancestors 'none'", real);
    }
}
