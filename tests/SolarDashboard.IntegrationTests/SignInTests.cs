using System.Text.RegularExpressions;
using System.Net;
using SolarDashboard.Testing;

namespace SolarDashboard.IntegrationTests;

/// <summary>OpenID Connect sign-in against the sandbox identity provider, sign-out, and what needs a signed-in user.</summary>
public sealed class SignInTests(ConsentAppFixture fixture) : IClassFixture<ConsentAppFixture>
{
    private AppProcess App => fixture.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/plants")]
    [InlineData("/plants/1")]
    [InlineData("/devices")]
    [InlineData("/devices/1")]
    [InlineData("/devices/1/series.csv?kpi=active_power")]
    [InlineData("/alarms")]
    [InlineData("/connections")]
    [InlineData("/control")]
    [InlineData("/users")]
    [InlineData("/registry")]
    [InlineData("/registry/sent.csv")]
    [InlineData("/connections/fusionsolar/callback?code=x&state=y")]
    [InlineData("/connections/fusionsolar/failed?reason=Denied")]
    public async Task Every_page_and_endpoint_sends_a_stranger_to_sign_in_and_back(string path)
    {
        using var anonymous = BrowserlessSession.Anonymous(App.BaseAddress);
        using var response = await anonymous.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(App.BaseAddress + "account/signin?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_live_connection_hub_refuses_a_stranger()
    {
        using var anonymous = BrowserlessSession.Anonymous(App.BaseAddress);
        using var response = await anonymous.Client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/account/signed-out")]
    [InlineData("/account/signin-failed")]
    [InlineData("/sandbox/idp/.well-known/openid-configuration")]
    [InlineData("/sandbox/admin/clock")]
    public async Task Sign_in_pages_health_and_the_sandbox_are_open(string path)
    {
        using var anonymous = BrowserlessSession.Anonymous(App.BaseAddress);
        using var response = await anonymous.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task After_sign_in_the_user_lands_on_the_relative_url_they_asked_for()
    {
        using var session = BrowserlessSession.Anonymous(App.BaseAddress);
        using var landed = await session.SignInAsync("owner-anna", "demo", "/alarms?tab=history");
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal(App.BaseAddress + "alarms?tab=history", landed.RequestMessage!.RequestUri!.ToString());
        Assert.Contains("Anna Owner", await landed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task An_absolute_return_url_is_refused_and_the_user_lands_at_home(string returnUrl)
    {
        using var session = BrowserlessSession.Anonymous(App.BaseAddress);
        using var landed = await session.SignInAsync("owner-anna", "demo", returnUrl);
        Assert.Equal(App.BaseAddress.ToString(), landed.RequestMessage!.RequestUri!.ToString());
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%0B")]
    [InlineData("%2F%0C")]
    [InlineData("%2F%00")]
    public async Task A_control_character_in_the_return_url_sends_the_user_home_without_an_error(string returnUrl)
    {
        var anna = await App.AsAsync("owner-anna");
        using var response = await anna.GetAsync("/account/signin?returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("The supplied URL is not local", App.Output);
    }

    [Fact]
    public async Task The_sign_in_failed_page_shows_no_text_from_its_address()
    {
        using var anonymous = BrowserlessSession.Anonymous(App.BaseAddress);
        var page = await anonymous.Client.GetStringAsync("/account/signin-failed?reason=" + Uri.EscapeDataString("Your account is locked. Call +1-555-0100 now"));
        Assert.DoesNotContain("555-0100", page);
        Assert.Contains("Something went wrong while signing in.", page);
        Assert.Contains("took too long", await anonymous.Client.GetStringAsync("/account/signin-failed?reason=expired"));
    }

    [Fact]
    public async Task A_wrong_password_at_the_provider_signs_nobody_in()
    {
        using var session = BrowserlessSession.Anonymous(App.BaseAddress);
        using var answer = await session.SignInAsync("owner-anna", "wrong", "/");
        Assert.Contains("Wrong user name or password", await answer.Content.ReadAsStringAsync());
        using var home = await session.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_callback_with_a_forged_state_is_refused()
    {
        using var session = BrowserlessSession.Anonymous(App.BaseAddress);
        using var response = await session.FollowAsync(await session.Client.GetAsync("/signin-oidc?code=abc&state=forged"));
        Assert.Contains("/account/signin-failed", response.RequestMessage!.RequestUri!.ToString());
        using var home = await session.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_local_session_and_the_providers()
    {
        using var session = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-ben");

        // Without the anti-forgery token a cross-site page cannot sign anyone out.
        using (var forged = await session.Client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>())))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var signOut = await session.PostFormFromAsync("/", "/account/signout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var endSession = signOut.Headers.Location!.ToString();
        Assert.StartsWith(App.BaseAddress + "sandbox/idp/end-session?", endSession);
        Assert.Contains("id_token_hint=", endSession);
        Assert.Contains("post_logout_redirect_uri=" + Uri.EscapeDataString(App.BaseAddress + "account/signed-out"), endSession);

        using var landed = await session.FollowAsync(await session.Client.GetAsync(endSession));
        Assert.Equal(App.BaseAddress + "account/signed-out", landed.RequestMessage!.RequestUri!.ToString());
        using var home = await session.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Roles_come_from_the_providers_claim()
    {
        var olga = await App.AsAsync("olga-operator");
        Assert.Contains("Roles: Operator", await olga.GetStringAsync("/"));
        using var users = await olga.GetAsync("/users");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("/account/denied", users.Headers.Location!.AbsolutePath);
        using var control = await olga.GetAsync("/control");
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Fact]
    public async Task An_owner_without_the_operator_role_cannot_open_the_control_page()
    {
        var anna = await App.AsAsync("owner-anna");
        using var control = await anna.GetAsync("/control");
        Assert.Equal(HttpStatusCode.Redirect, control.StatusCode);
        Assert.StartsWith("/account/denied", control.Headers.Location!.AbsolutePath);
        var link = Regex.Match(await (await App.AsAsync("olga-operator")).GetStringAsync("/"), "href=\"/?control\"").Value;
        Assert.NotEmpty(link); // the navigation offers Control to an operator…
        Assert.DoesNotContain(link, await anna.GetStringAsync("/")); // …and not to an owner
    }
}
