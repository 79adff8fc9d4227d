using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SolarDashboard.Authentication;

/// <summary>
/// The framework's id_token validation, except that a signature is always required. The OpenIdConnect handler stops
/// requiring one for id_tokens from the token endpoint (OpenID Connect Core 3.1.3.7 lets TLS stand in); we do not accept
/// <c>alg: none</c> from anywhere.
/// </summary>
internal sealed class SignedIdTokenHandler : JsonWebTokenHandler
{
    public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var strict = validationParameters.Clone();
        strict.RequireSignedTokens = true;
        return base.ValidateTokenAsync(token, strict);
    }
}
