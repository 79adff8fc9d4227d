using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Web.SignIn;

/// <summary>
/// The sandbox identity provider's side of the 15-minute role re-check: single-use refresh tokens answered with a new
/// id_token carrying the user's roles of now, the admin knobs that change roles or revoke, and tokens that survive a restart.
/// </summary>
public sealed class SandboxRefreshGrantTests
{
    private const string Idp = "/sandbox/idp";
    private const string Redirect = "http://localhost:5080/signin-oidc";

    private static async Task<JsonObject> SignInAsync(SandboxHost sandbox, string user)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var authorize = await sandbox.Client.PostAsync(Idp + "/authorize", new FormUrlEncodedContent(
        [
            new("client_id", "solardashboard"), new("redirect_uri", Redirect), new("state", "st"), new("nonce", "n-1"),
            new("code_challenge", challenge), new("username", user), new("password", "demo"),
        ]));
        var code = authorize.Headers.Location!.OriginalString.Split("code=")[1].Split('&')[0];
        var (status, body) = await TokenAsync(sandbox, [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", Redirect), new("code_verifier", verifier)]);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(SandboxHost sandbox, KeyValuePair<string, string>[] form, string secret = "demo-oidc-secret")
    {
        using var response = await sandbox.Client.PostAsync(Idp + "/token", new FormUrlEncodedContent(
            [.. form, new("client_id", "solardashboard"), new("client_secret", secret)]));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static Task<(HttpStatusCode Status, JsonObject Body)> RefreshAsync(SandboxHost sandbox, string refreshToken, string secret = "demo-oidc-secret") =>
        TokenAsync(sandbox, [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], secret);

    private static async Task<JsonWebToken> ValidAsync(SandboxHost sandbox, JsonObject body)
    {
        var jwks = new JsonWebKeySet(await sandbox.Client.GetStringAsync(Idp + "/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(body["id_token"]!.GetValue<string>(), new TokenValidationParameters
        {
            ValidIssuer = "http://localhost/sandbox/idp", ValidAudience = "solardashboard", IssuerSigningKeys = jwks.GetSigningKeys(),
            LifetimeValidator = (_, expires, _, _) => expires > sandbox.Time.GetUtcNow().UtcDateTime,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    [Fact]
    public async Task A_refresh_answers_the_roles_of_now_and_each_refresh_token_works_once()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var signIn = await SignInAsync(sandbox, "olga-operator");
        var first = signIn["refresh_token"]!.GetValue<string>();

        using (var change = await sandbox.Client.PutAsJsonAsync("/sandbox/admin/idp/users/olga-operator/roles", new[] { "Owner" }))
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        sandbox.Time.Advance(TimeSpan.FromMinutes(20));
        var (status, refreshed) = await RefreshAsync(sandbox, first);
        Assert.Equal(HttpStatusCode.OK, status);
        var token = await ValidAsync(sandbox, refreshed);
        Assert.Equal("sandbox|olga-operator", token.Subject);
        Assert.Equal(["Owner"], token.GetPayloadValue<string[]>("roles"));
        Assert.False(token.TryGetPayloadValue<string>("nonce", out _));
        var second = refreshed["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(first, second);

        Assert.Equal("invalid_grant", (await RefreshAsync(sandbox, first)).Body["error"]!.GetValue<string>()); // spent
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(sandbox, second, secret: "wrong")).Status);
        using (var unknown = await sandbox.Client.PutAsJsonAsync("/sandbox/admin/idp/users/nobody/roles", new[] { "Admin" }))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Revoking_a_user_refuses_their_refresh_tokens()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var token = (await SignInAsync(sandbox, "owner-ben"))["refresh_token"]!.GetValue<string>();
        using var revoke = await sandbox.Client.PostAsync("/sandbox/admin/idp/users/owner-ben/revoke", null);
        Assert.True(JsonNode.Parse(await revoke.Content.ReadAsStringAsync())!["revoked"]!.GetValue<int>() >= 1);
        var (status, body) = await RefreshAsync(sandbox, token);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (status, body["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Refresh_tokens_survive_a_restart_and_are_not_stored_in_clear()
    {
        string token;
        await using (var first = await SandboxHost.StartAsync())
            token = (await SignInAsync(first, "adam-admin"))["refresh_token"]!.GetValue<string>();
        var file = Path.Combine(AppContext.BaseDirectory, "data", "sandbox-idp-refresh-tokens.json");
        Assert.DoesNotContain(token, await File.ReadAllTextAsync(file));

        await using var second = await SandboxHost.StartAsync();
        var (status, body) = await RefreshAsync(second, token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sandbox|adam-admin", (await ValidAsync(second, body)).Subject);
    }
}
