using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SolarDashboard.Tests.Web.SignIn;

/// <summary>
/// An OpenID Connect provider in memory that signs whatever id_token a test wants: discovery, JWKS, and a token endpoint
/// that checks the client, the code and its PKCE verifier, then answers with the test's token.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string Issuer = "https://idp.example/realms/solar";
    public const string ClientId = "solardashboard";
    public const string ClientSecret = "test-client-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _codes = new();

    private TestIdentityProvider(WebApplication app) => _app = app;

    /// <summary>The key the discovery document publishes.</summary>
    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "k1" };

    /// <summary>The id_token the token endpoint answers with next.</summary>
    public string? NextIdToken { get; set; }

    /// <summary>The refresh token it answers with, if any.</summary>
    public string? NextRefreshToken { get; set; }

    /// <summary>Form fields of every token request, in order.</summary>
    public List<Dictionary<string, string>> TokenRequests { get; } = [];

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new TestIdentityProvider(app);
        var path = new Uri(Issuer).AbsolutePath;
        app.MapGet(path + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["end_session_endpoint"] = Issuer + "/logout",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet(path + "/jwks", () =>
        {
            var p = provider.Key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = provider.Key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        app.MapPost(path + "/token", async (HttpRequest request) =>
        {
            var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            lock (provider.TokenRequests) provider.TokenRequests.Add(form);
            if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (form.GetValueOrDefault("grant_type") == "authorization_code")
            {
                var verifier = form.GetValueOrDefault("code_verifier") ?? "";
                if (!provider._codes.TryRemove(form.GetValueOrDefault("code") ?? "", out var challenge) ||
                    Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != challenge)
                    return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }
            else if (form.GetValueOrDefault("grant_type") != "refresh_token" || form.GetValueOrDefault("refresh_token") is not { Length: > 0 } refresh || refresh != provider.ValidRefreshToken)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }
            var answer = new Dictionary<string, object> { ["access_token"] = "at-" + Guid.NewGuid().ToString("N"), ["token_type"] = "Bearer", ["expires_in"] = 300 };
            if (provider.NextIdToken is not null) answer["id_token"] = provider.NextIdToken;
            if (provider.NextRefreshToken is not null) answer["refresh_token"] = provider.ValidRefreshToken = provider.NextRefreshToken;
            return Results.Json(answer);
        });
        await app.StartAsync();
        return provider;
    }

    /// <summary>The refresh token the provider still accepts (the last one it issued), or none.</summary>
    public string? ValidRefreshToken { get; set; }

    /// <summary>A code for the authorization request with this PKCE challenge, as the provider's sign-in page would hand out.</summary>
    public string IssueCode(string codeChallenge)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _codes[code] = codeChallenge;
        return code;
    }

    /// <summary>An id_token with the given parts; unsigned (<c>alg: none</c>) when <paramref name="signWith"/> is <see cref="Unsigned"/>.</summary>
    public string Token(DateTimeOffset issuedAt, string? nonce, string issuer = Issuer, string audience = ClientId, TimeSpan? lifetime = null,
        SecurityKey? signWith = null, string subject = "user-1", IDictionary<string, object>? claims = null)
    {
        var all = new Dictionary<string, object> { ["sub"] = subject, ["name"] = "Anna Owner", ["preferred_username"] = "anna" };
        if (nonce is not null) all["nonce"] = nonce;
        foreach (var (k, v) in claims ?? new Dictionary<string, object>()) all[k] = v;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Claims = all,
            IssuedAt = issuedAt.UtcDateTime, NotBefore = issuedAt.UtcDateTime, Expires = (issuedAt + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            SigningCredentials = ReferenceEquals(signWith, Unsigned) ? null : new SigningCredentials(signWith ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Pass as the signing key for a token with <c>alg: none</c> and no signature.</summary>
    public static SecurityKey Unsigned { get; } = new SymmetricSecurityKey(new byte[32]);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
