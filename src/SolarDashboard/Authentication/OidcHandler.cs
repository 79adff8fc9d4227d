using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>
/// OpenID Connect sign-in on the shared framework's OAuth handler (the OpenIdConnect handler package is not in the
/// feed): endpoints from discovery, authorization code flow with PKCE (S256), state (protected, bound to a correlation
/// cookie by the base handler) and a nonce, then full id_token validation before the user is recorded and signed in.
/// </summary>
public sealed class OidcHandler(
    IOptionsMonitor<OAuthOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    OidcMetadata metadata,
    OidcTokenValidator validator,
    UserDirectory users,
    IOptions<SignInOptions> signIn) : OAuthHandler<OAuthOptions>(options, loggers, encoder)
{
    public const string SchemeName = "oidc";
    private const string NonceKey = "oidc.nonce";
    private const string CodeVerifierKey = "code_verifier";

    private OpenIdConnectConfiguration? _provider;

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        _provider = await metadata.GetAsync(Context.RequestAborted);
        await base.HandleChallengeAsync(properties);
    }

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        // Both travel inside the encrypted state, which the base handler ties to this browser's correlation cookie.
        properties.Items[CodeVerifierKey] = verifier;
        properties.Items[NonceKey] = nonce;
        return QueryHelpers.AddQueryString(_provider!.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["client_id"] = Options.ClientId,
            ["response_type"] = "code",
            ["scope"] = string.Join(' ', Options.Scope),
            ["redirect_uri"] = redirectUri,
            ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
            ["nonce"] = nonce,
            ["state"] = Options.StateDataFormat.Protect(properties),
        });
    }

    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var provider = await metadata.GetAsync(Context.RequestAborted);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = context.Code,
            ["redirect_uri"] = context.RedirectUri,
            ["client_id"] = Options.ClientId,
            ["client_secret"] = Options.ClientSecret,
        };
        if (context.Properties.Items.Remove(CodeVerifierKey, out var verifier) && verifier is not null) form["code_verifier"] = verifier;
        using var response = await Backchannel.PostAsync(provider.TokenEndpoint, new FormUrlEncodedContent(form), Context.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(Context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryRead(body, "error") ?? "no error code";
            return OAuthTokenResponse.Failed(new AuthenticationFailureException($"The identity provider refused the sign-in code (HTTP {(int)response.StatusCode}, {error})."));
        }
        try
        {
            return OAuthTokenResponse.Success(JsonDocument.Parse(body));
        }
        catch (JsonException)
        {
            return OAuthTokenResponse.Failed(new AuthenticationFailureException("The identity provider answered the token request without JSON."));
        }
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        var idToken = tokens.Response?.RootElement.TryGetProperty("id_token", out var t) == true ? t.GetString() : null;
        if (string.IsNullOrEmpty(idToken)) throw new AuthenticationFailureException("The identity provider returned no id_token (is the 'openid' scope allowed?).");
        properties.Items.Remove(NonceKey, out var nonce);

        var settings = signIn.Value;
        OidcIdentity who;
        try
        {
            who = await validator.ValidateAsync(idToken, await metadata.GetAsync(Context.RequestAborted), Options.ClientId, nonce ?? "", settings.RoleClaim);
        }
        catch (IdTokenRejectedException)
        {
            // The provider may have rotated its keys since discovery was read: read it again and check once more.
            metadata.Refresh();
            who = await validator.ValidateAsync(idToken, await metadata.GetAsync(Context.RequestAborted), Options.ClientId, nonce ?? "", settings.RoleClaim);
        }

        var bootstrap = settings.BootstrapAdmin is { Length: > 0 } b &&
            (b == who.Subject || string.Equals(b, who.UserName, StringComparison.OrdinalIgnoreCase) || string.Equals(b, who.Email, StringComparison.OrdinalIgnoreCase));
        var user = await users.RecordSignInAsync(new SignInIdentity(who.Issuer, who.Subject, who.DisplayName, who.UserName, who.Email, who.Roles, bootstrap), Context.RequestAborted);

        var principal = AppPrincipal.Create(user, WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)));
        // Only the id_token is kept (inside the encrypted cookie) as the hint for the provider's end-session endpoint.
        properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        Logger.LogInformation("User {UserId} signed in (roles: {Roles})", user.Id, user.Roles);
        return new AuthenticationTicket(principal, properties, SchemeName);
    }

    private static string? TryRead(string json, string property)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The dashboard's own principal in the sign-in cookie: local user id, name, sign-in session and roles.</summary>
public static class AppPrincipal
{
    public const string AuthenticationType = "SolarDashboard";

    public static ClaimsPrincipal Create(AppUser user, string sessionId)
    {
        var identity = new ClaimsIdentity(AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(UserClaims.UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.DisplayName));
        identity.AddClaim(new Claim(UserClaims.Session, sessionId));
        foreach (var role in RoleNames(user.Roles)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(identity);
    }

    public static IEnumerable<string> RoleNames(AppRoles roles) =>
        Enum.GetValues<AppRoles>().Where(r => r != AppRoles.None && roles.HasFlag(r)).Select(r => r.ToString());
}
