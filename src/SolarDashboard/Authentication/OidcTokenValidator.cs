using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SolarDashboard.Authentication;

/// <summary>Who the provider says signed in, after the id_token passed every check.</summary>
/// <param name="Roles">Values of the configured role claim; null when no role claim is configured.</param>
public sealed record OidcIdentity(string Issuer, string Subject, string DisplayName, string? UserName, string? Email, IReadOnlyList<string>? Roles);

public sealed class IdTokenRejectedException(string message) : Exception(message);

/// <summary>
/// Full id_token validation (OpenID Connect Core 3.1.3.7): RS/ES signature against the provider's published keys,
/// issuer, audience, expiry and not-before on the app's clock, and the nonce sent with this sign-in.
/// </summary>
public sealed class OidcTokenValidator(TimeProvider time)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public async Task<OidcIdentity> ValidateAsync(string idToken, OpenIdConnectConfiguration provider, string clientId, string expectedNonce, string? roleClaim)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidAudience = clientId,
            IssuerSigningKeys = provider.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            // On the app's TimeProvider: in demo mode that is the sandbox's simulated clock, which also stamps the tokens.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } exp && now <= exp + ClockSkew && (notBefore is not { } nbf || nbf - ClockSkew <= now);
            },
        });
        if (!result.IsValid)
            throw new IdTokenRejectedException($"The sign-in token was rejected: {result.Exception?.GetType().Name ?? "invalid"}.");
        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("nonce", out var nonce) || string.IsNullOrEmpty(expectedNonce) || nonce != expectedNonce)
            throw new IdTokenRejectedException("The sign-in token does not belong to this sign-in (nonce mismatch).");
        if (string.IsNullOrEmpty(jwt.Subject)) throw new IdTokenRejectedException("The sign-in token names no subject.");

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        string? Text(string name) => payload.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var userName = Text("preferred_username");
        var email = Text("email");
        var display = Text("name") ?? userName ?? email ?? jwt.Subject;
        var roles = string.IsNullOrWhiteSpace(roleClaim) ? null : ReadRoles(payload.RootElement, roleClaim);
        return new OidcIdentity(jwt.Issuer, jwt.Subject, display, userName, email, roles);
    }

    /// <summary>A top-level claim by its full name (Auth0 uses URLs), else a dotted path (Keycloak: realm_access.roles).</summary>
    public static IReadOnlyList<string> ReadRoles(JsonElement payload, string claim)
    {
        if (!payload.TryGetProperty(claim, out var value))
        {
            value = payload;
            foreach (var part in claim.Split('.'))
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(part, out value)) return [];
        }
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList(),
            JsonValueKind.String => value.GetString()!.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        };
    }
}
