using System.Text.Json;
using Flurl.Http;
using Microsoft.Extensions.Logging;

namespace SolarDashboard.Vendors.FusionSolar;

/// <summary>
/// The API-account login of reference 3.2.2.1: POST /thirdData/login with userName and systemCode; the session token
/// comes back in the <c>xsrf-token</c> header. Never logs the password or the token.
/// </summary>
public sealed class FusionSolarLoginClient(VendorHttp http, ILogger<FusionSolarLoginClient> logger)
{
    public async Task<LoginResult> LoginAsync(Uri baseUrl, string userName, string systemCode, CancellationToken ct = default)
    {
        FusionSolarAnswer answer;
        try
        {
            answer = await FusionSolarHttp.SendAsync(t => http.For(FusionSolarHttp.Nbi, baseUrl).Request("thirdData/login")
                .PostJsonAsync(new { userName, systemCode }, cancellationToken: t), "login", "FusionSolar", ct);
        }
        catch (FusionSolarException ex)
        {
            logger.LogWarning("FusionSolar login to {BaseUrl} failed: {Error}", baseUrl, ex.Error.Message);
            return new(LoginOutcome.Unavailable, null, ex.Error.Message);
        }

        if (answer.Status is 403 or 429) return new(LoginOutcome.RateLimited, null, "FusionSolar is throttling requests; try again in a minute.");
        if (answer.Status is < 200 or > 299) return new(LoginOutcome.Unavailable, null, $"FusionSolar answered HTTP {answer.Status}.");
        int failCode;
        try
        {
            using var doc = JsonDocument.Parse(answer.Text);
            failCode = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("failCode", out var fc) && fc.TryGetInt32(out var v) ? v : -1;
        }
        catch (JsonException)
        {
            return new(LoginOutcome.Unavailable, null, "FusionSolar answered with something that is not JSON.");
        }
        if (failCode == 0 && answer.Headers.TryGetFirst("xsrf-token", out var token) && !string.IsNullOrEmpty(token))
            return new(LoginOutcome.Ok, token, "Signed in.");
        logger.LogWarning("FusionSolar login for {User} refused with failCode {FailCode}", userName, failCode);
        return failCode switch
        {
            407 => new(LoginOutcome.RateLimited, null, "Too many logins: FusionSolar allows 5 in 10 minutes."),
            20001 => new(LoginOutcome.CredentialsRejected, null, "FusionSolar does not know this API account."),
            20400 => new(LoginOutcome.CredentialsRejected, null, "FusionSolar rejected the user name or password (or the account is locked)."),
            _ => new(LoginOutcome.Unavailable, null, $"FusionSolar refused the login (failCode {failCode})."),
        };
    }
}
