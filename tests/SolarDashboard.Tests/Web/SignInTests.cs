using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Authentication;
using SolarDashboard.Hosting;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Web;

/// <summary>id_token validation (every check must bite), return-URL rules and the content security policy.</summary>
public sealed class SignInTests
{
    private const string Issuer = "https://idp.example/realms/solar";
    private const string Client = "solardashboard";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "k1" };

    private OpenIdConnectConfiguration Provider(SecurityKey? key = null)
    {
        var config = new OpenIdConnectConfiguration { Issuer = Issuer };
        config.SigningKeys.Add(key ?? _key);
        return config;
    }

    private string Token(string issuer = Issuer, string audience = Client, string nonce = "n-1", TimeSpan? expiresIn = null, SecurityKey? signWith = null,
        Dictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "user-1", ["nonce"] = nonce, ["name"] = "Anna Owner", ["preferred_username"] = "anna" };
        foreach (var (k, v) in extra ?? []) claims[k] = v;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Claims = claims,
            IssuedAt = Now.UtcDateTime, NotBefore = Now.UtcDateTime, Expires = (Now + (expiresIn ?? TimeSpan.FromHours(1))).UtcDateTime,
            SigningCredentials = new SigningCredentials(signWith ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static OidcTokenValidator Validator(DateTimeOffset? at = null) => new(new FakeTimeProvider(at ?? Now));

    [Fact]
    public async Task A_valid_token_gives_the_identity_and_the_roles_of_the_configured_claim()
    {
        var who = await Validator().ValidateAsync(Token(extra: new() { ["roles"] = new[] { "Owner", "Operator" } }), Provider(), Client, "n-1", "roles");
        Assert.Equal((Issuer, "user-1", "Anna Owner", "anna"), (who.Issuer, who.Subject, who.DisplayName, who.UserName));
        Assert.Equal(["Owner", "Operator"], who.Roles!);
        var noClaim = await Validator().ValidateAsync(Token(), Provider(), Client, "n-1", roleClaim: "");
        Assert.Null(noClaim.Roles); // roles are then managed in the app
    }

    public static TheoryData<string, Func<SignInTests, string>, Func<SignInTests, OpenIdConnectConfiguration>> Forgeries => new()
    {
        { "another issuer", t => t.Token(issuer: "https://evil.example"), t => t.Provider() },
        { "another audience", t => t.Token(audience: "someone-else"), t => t.Provider() },
        { "another nonce", t => t.Token(nonce: "replayed"), t => t.Provider() },
        { "expired", t => t.Token(expiresIn: TimeSpan.FromMinutes(-10)), t => t.Provider() },
        { "signed by another key", t => t.Token(signWith: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }), t => t.Provider() },
        { "signature stripped", t => string.Join('.', t.Token().Split('.')[..2]) + ".", t => t.Provider() },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_stale_token_is_rejected(string what, Func<SignInTests, string> token, Func<SignInTests, OpenIdConnectConfiguration> provider)
    {
        Assert.NotNull(what);
        await Assert.ThrowsAsync<IdTokenRejectedException>(() => Validator().ValidateAsync(token(this), provider(this), Client, "n-1", "roles"));
    }

    [Fact]
    public async Task Expiry_is_judged_on_the_apps_clock()
    {
        var token = Token(expiresIn: TimeSpan.FromMinutes(30));
        await Validator(Now.AddMinutes(20)).ValidateAsync(token, Provider(), Client, "n-1", null);
        await Assert.ThrowsAsync<IdTokenRejectedException>(() => Validator(Now.AddMinutes(40)).ValidateAsync(token, Provider(), Client, "n-1", null));
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
        Assert.Equal(expected, string.Join(',', OidcTokenValidator.ReadRoles(doc.RootElement, claim)));
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
