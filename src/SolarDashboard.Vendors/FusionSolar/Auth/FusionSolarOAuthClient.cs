using System.Globalization;
using System.Text.Json;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using SolarDashboard.Vendors.FusionSolar.Wire;

namespace SolarDashboard.Vendors.FusionSolar.Auth;

/// <summary>
/// The token endpoint of reference 3.1.2.3: exchanges an authorization code and refreshes tokens. Errors as in 8.1.2:
/// 400 "1111" unsupported_grant_type, 401 invalid_client, 400 "1110" invalid_grant. Never logs a token.
/// </summary>
public sealed class FusionSolarOAuthClient(VendorHttp http, OAuthClientSettings settings, TimeProvider time, ILogger<FusionSolarOAuthClient> logger)
{
    public Task<OAuthTokens> ExchangeCodeAsync(string code, string redirectUri, CancellationToken ct) => RequestAsync(new()
    {
        ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = settings.ClientId,
        ["client_secret"] = settings.ClientSecret, ["redirect_uri"] = redirectUri,
    }, ct);

    public Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken ct) => RequestAsync(new()
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = settings.ClientId,
        ["client_secret"] = settings.ClientSecret,
    }, ct);

    private async Task<OAuthTokens> RequestAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        var (status, text, _) = await FusionSolarHttp.SendAsync(t => http.For(FusionSolarHttp.OAuth, settings.TokenEndpoint).Request()
            .PostUrlEncodedAsync(form, cancellationToken: t), "oauth/token", "The FusionSolar OAuth service", ct);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            throw Fail(FusionSolarErrorKind.Unavailable, $"The FusionSolar OAuth service answered HTTP {status} without JSON.", status);
        }

        if (status is < 200 or > 299)
        {
            var error = KpiValue.Text(KpiValue.Get(root, "error"));
            var description = KpiValue.Text(KpiValue.Get(root, "error_description"));
            logger.LogWarning("FusionSolar token request refused: HTTP {Status} {Error} {Description}", status, error, description);
            throw (error, description, status) switch
            {
                ("1110", _, _) or (_, "invalid_grant", _) or ("invalid_grant", _, _) => Fail(FusionSolarErrorKind.ReauthorizationRequired,
                    "FusionSolar no longer accepts this authorization (the code expired or was used, or the refresh token was revoked). The owner must connect again."),
                ("invalid_client", _, _) or (_, _, 401) => Fail(FusionSolarErrorKind.CredentialsRejected,
                    "FusionSolar does not accept this app's client_id or client_secret. Check the OAuth client configuration."),
                ("1111", _, _) or (_, "unsupported_grant_type", _) => Fail(FusionSolarErrorKind.InvalidRequest,
                    "FusionSolar refused the grant type of the token request."),
                _ => Fail(FusionSolarErrorKind.VendorError, $"The FusionSolar OAuth service refused the request ({error ?? status.ToString(CultureInfo.InvariantCulture)})."),
            };
        }

        var access = KpiValue.Text(KpiValue.Get(root, "access_token"));
        var refresh = KpiValue.Text(KpiValue.Get(root, "refresh_token"));
        var expiresIn = KpiValue.Number(KpiValue.Get(root, "expires_in")) ?? 3600;
        if (access is null || refresh is null)
            throw Fail(FusionSolarErrorKind.Unavailable, "The FusionSolar OAuth answer has no tokens.");
        return new OAuthTokens(access, refresh, time.GetUtcNow().AddSeconds(expiresIn), KpiValue.Text(KpiValue.Get(root, "scope")) ?? "");
    }

    private static FusionSolarException Fail(FusionSolarErrorKind kind, string message, int? status = null) =>
        new(new FusionSolarError(kind, message, HttpStatus: status, Api: "oauth/token"));
}
