using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>The sandbox's OpenID Connect provider: discovery, code flow with PKCE, signed id_tokens, JWKS, end-session.</summary>
public sealed class IdentityProviderTests
{
    private const string Idp = "/sandbox/idp";
    private const string Redirect = "http://localhost:5080/signin-oidc";

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static async Task<string> SignInAsync(SandboxHost sandbox, string user, string challenge, string nonce = "n-123", string password = "demo")
    {
        var response = await sandbox.Client.PostAsync(Idp + "/authorize", new FormUrlEncodedContent(
        [
            new("client_id", "solardashboard"), new("redirect_uri", Redirect), new("state", "st"), new("nonce", nonce),
            new("code_challenge", challenge), new("username", user), new("password", password),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(Redirect + "?code=", location);
        Assert.EndsWith("&state=st", location);
        return location.Split("code=")[1].Split('&')[0];
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(SandboxHost sandbox, string code, string verifier, string secret = "demo-oidc-secret")
    {
        var response = await sandbox.Client.PostAsync(Idp + "/token", new FormUrlEncodedContent(
        [
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", Redirect), new("client_id", "solardashboard"),
            new("client_secret", secret), new("code_verifier", verifier),
        ]));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task Discovery_names_every_endpoint_under_the_address_asked()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var doc = JsonNode.Parse(await sandbox.Client.GetStringAsync(Idp + "/.well-known/openid-configuration"))!;
        Assert.Equal("http://localhost/sandbox/idp", doc["issuer"]!.GetValue<string>());
        foreach (var (key, path) in new[] { ("authorization_endpoint", "/authorize"), ("token_endpoint", "/token"), ("jwks_uri", "/jwks"), ("end_session_endpoint", "/end-session") })
            Assert.Equal("http://localhost/sandbox/idp" + path, doc[key]!.GetValue<string>());
        Assert.Contains("S256", doc["code_challenge_methods_supported"]!.AsArray().Select(x => x!.GetValue<string>()));
    }

    [Fact]
    public async Task The_code_flow_with_pkce_gives_an_id_token_that_validates_against_the_jwks()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var page = await sandbox.Client.GetStringAsync($"{Idp}/authorize?response_type=code&client_id=solardashboard&redirect_uri={Uri.EscapeDataString(Redirect)}&code_challenge=abc&code_challenge_method=S256&state=s&nonce=n");
        Assert.Contains("name=\"password\"", page);

        var (verifier, challenge) = Pkce();
        var code = await SignInAsync(sandbox, "olga-operator", challenge);
        var (status, body) = await TokenAsync(sandbox, code, verifier);
        Assert.Equal(HttpStatusCode.OK, status);

        var jwks = new JsonWebKeySet(await sandbox.Client.GetStringAsync(Idp + "/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(body["id_token"]!.GetValue<string>(), new TokenValidationParameters
        {
            ValidIssuer = "http://localhost/sandbox/idp",
            ValidAudience = "solardashboard",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            LifetimeValidator = (_, expires, _, _) => expires > sandbox.Time.GetUtcNow().UtcDateTime,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("sandbox|olga-operator", result.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.Equal("n-123", result.ClaimsIdentity.FindFirst("nonce")!.Value);
        Assert.Equal("Operator", result.ClaimsIdentity.FindFirst("roles")!.Value);
    }

    [Fact]
    public async Task A_wrong_verifier_a_reused_code_and_a_wrong_secret_are_refused()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (verifier, challenge) = Pkce();
        var code = await SignInAsync(sandbox, "owner-anna", challenge);
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenAsync(sandbox, code, "not-the-verifier")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenAsync(sandbox, code, verifier)).Status); // the failed attempt used it up

        var second = await SignInAsync(sandbox, "owner-anna", challenge);
        var (status, body) = await TokenAsync(sandbox, second, verifier, secret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_and_pkce_is_required()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var response = await sandbox.Client.PostAsync(Idp + "/authorize", new FormUrlEncodedContent(
        [
            new("client_id", "solardashboard"), new("redirect_uri", Redirect), new("code_challenge", "c"), new("username", "owner-anna"), new("password", "nope"),
        ]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync());

        var noPkce = await sandbox.Client.GetAsync($"{Idp}/authorize?response_type=code&client_id=solardashboard&redirect_uri={Uri.EscapeDataString(Redirect)}&state=s");
        Assert.Contains("error=invalid_request", noPkce.Headers.Location!.OriginalString);
        var foreign = await sandbox.Client.GetAsync($"{Idp}/authorize?response_type=code&client_id=solardashboard&redirect_uri={Uri.EscapeDataString("https://evil.example.com/cb")}&code_challenge=c&code_challenge_method=S256");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    [Fact]
    public async Task The_signing_key_survives_a_restart_and_end_session_returns_to_the_app()
    {
        string kid;
        await using (var first = await SandboxHost.StartAsync())
            kid = JsonNode.Parse(await first.Client.GetStringAsync(Idp + "/jwks"))!["keys"]![0]!["kid"]!.GetValue<string>();
        await using var second = await SandboxHost.StartAsync();
        Assert.Equal(kid, JsonNode.Parse(await second.Client.GetStringAsync(Idp + "/jwks"))!["keys"]![0]!["kid"]!.GetValue<string>());
        var end = await second.Client.GetAsync($"{Idp}/end-session?post_logout_redirect_uri={Uri.EscapeDataString("http://localhost:5080/")}");
        Assert.Equal("http://localhost:5080/", end.Headers.Location!.OriginalString);
    }
}
