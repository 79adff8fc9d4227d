using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>
/// One re-check of a user's roles with the provider: a refresh-token grant at its token endpoint, the new id_token
/// validated like the one at sign-in (signature, issuer, audience, lifetime) and required to name the same person, then
/// the user's provider roles updated from it. Tokens are never logged.
/// </summary>
internal sealed class ProviderRefresh(IOptionsMonitor<OpenIdConnectOptions> oidc, IOptions<SignInOptions> signIn, UserDirectory users, ILogger<ProviderRefresh> logger)
{
    public sealed record Outcome(string? RefreshToken, string IdToken);

    /// <summary>The new tokens, or null when the session must end (refused, unreachable, or an answer that fails a check).</summary>
    public async Task<Outcome?> RunAsync(AppUser user, string? refreshToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            logger.LogWarning("User {UserId}: roles are due for a re-check, but the identity provider gave no refresh token at sign-in (some need the offline_access scope); signing out", user.Id);
            return null;
        }
        var options = oidc.Get(AuthenticationSetup.OidcScheme);
        try
        {
            var provider = await options.ConfigurationManager!.GetConfigurationAsync(ct);
            using var response = await options.Backchannel.PostAsync(provider.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = OpenIdConnectGrantTypes.RefreshToken,
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret ?? "",
            }), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("User {UserId}: the identity provider refused to refresh the sign-in (HTTP {Status}, {Error}); signing out",
                    user.Id, (int)response.StatusCode, SignInEvents.OneLine(ErrorCode(body)));
                return null;
            }
            var answer = new OpenIdConnectMessage(body);
            if (string.IsNullOrEmpty(answer.IdToken))
            {
                logger.LogWarning("User {UserId}: the identity provider refreshed the sign-in without an id_token, so the roles cannot be re-checked; signing out", user.Id);
                return null;
            }
            await ValidateAsync(answer.IdToken, options, provider);
            var who = ProviderClaims.Read(answer.IdToken, signIn.Value);
            if (who.Issuer != user.Issuer || who.Subject != user.Subject)
            {
                logger.LogWarning("User {UserId}: the refreshed id_token names another person; signing out", user.Id);
                return null;
            }
            var updated = await users.RecordSignInAsync(who, ct);
            if (updated.Roles != user.Roles) logger.LogInformation("User {UserId}: roles changed at the identity provider from {Old} to {New}", user.Id, user.Roles, updated.Roles);
            return new Outcome(answer.RefreshToken, answer.IdToken);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested &&
            ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException or ArgumentException or JsonException or SecurityTokenException)
        {
            logger.LogWarning("User {UserId}: the roles could not be re-checked with the identity provider ({Reason}); signing out", user.Id, SignInEvents.OneLine(ex.Message));
            return null;
        }
    }

    private static async Task ValidateAsync(string idToken, OpenIdConnectOptions options, OpenIdConnectConfiguration provider)
    {
        var parameters = options.TokenValidationParameters.Clone();
        parameters.ValidIssuer = provider.Issuer;
        parameters.IssuerSigningKeys = provider.SigningKeys;
        var result = await options.TokenHandler.ValidateTokenAsync(idToken, parameters);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException) options.ConfigurationManager!.RequestRefresh(); // keys rotated: the next check reads them again
        if (!result.IsValid) throw result.Exception as SecurityTokenException ?? new SecurityTokenException("The refreshed id_token is not valid.");
    }

    private static string ErrorCode(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "no error code";
        }
        catch (JsonException)
        {
            return "no JSON";
        }
    }
}
