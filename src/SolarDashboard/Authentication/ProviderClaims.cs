using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>Who a validated id_token names, with the roles of the configured claim (flat, nested or URL-named).</summary>
public static class ProviderClaims
{
    /// <summary>The person in an id_token the handler has already validated; roles only when a role claim is configured.</summary>
    public static SignInIdentity Read(string idToken, SignInOptions settings)
    {
        var jwt = new JsonWebToken(idToken);
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        string? Text(string name) => payload.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var userName = Text("preferred_username");
        var email = Text("email");
        var display = Text("name") ?? userName ?? email ?? jwt.Subject;
        var roles = string.IsNullOrWhiteSpace(settings.RoleClaim) ? null : ReadRoles(payload.RootElement, settings.RoleClaim);
        var bootstrap = settings.BootstrapAdmin is { Length: > 0 } b &&
            (b == jwt.Subject || string.Equals(b, userName, StringComparison.OrdinalIgnoreCase) || string.Equals(b, email, StringComparison.OrdinalIgnoreCase));
        return new SignInIdentity(jwt.Issuer, jwt.Subject, display, userName, email, roles, bootstrap);
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
