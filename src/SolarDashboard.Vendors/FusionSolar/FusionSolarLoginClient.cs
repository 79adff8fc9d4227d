using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SolarDashboard.Vendors.FusionSolar;

public enum LoginOutcome { Ok, CredentialsRejected, RateLimited, Unavailable }

public sealed record LoginResult(LoginOutcome Outcome, string? XsrfToken, string Message);

/// <summary>
/// The API-account login of reference 3.2.2.1: POST /thirdData/login with userName and systemCode; the session token
/// comes back in the <c>xsrf-token</c> header. Never logs the password or the token.
/// </summary>
public sealed class FusionSolarLoginClient(HttpClient http, ILogger<FusionSolarLoginClient> logger)
{
    public async Task<LoginResult> LoginAsync(Uri baseUrl, string userName, string systemCode, CancellationToken ct = default)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri(baseUrl, "thirdData/login"), new { userName, systemCode }, ct);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("FusionSolar login to {BaseUrl} failed: {Error}", baseUrl, ex.Message);
            return new(LoginOutcome.Unavailable, null, "FusionSolar could not be reached.");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(LoginOutcome.Unavailable, null, "FusionSolar did not answer in time.");
        }

        using (response)
        {
            if ((int)response.StatusCode is 403 or 429) return new(LoginOutcome.RateLimited, null, "FusionSolar is throttling requests; try again in a minute.");
            if (!response.IsSuccessStatusCode) return new(LoginOutcome.Unavailable, null, $"FusionSolar answered HTTP {(int)response.StatusCode}.");
            int failCode;
            try
            {
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                failCode = doc.RootElement.TryGetProperty("failCode", out var fc) && fc.TryGetInt32(out var v) ? v : -1;
            }
            catch (JsonException)
            {
                return new(LoginOutcome.Unavailable, null, "FusionSolar answered with something that is not JSON.");
            }
            if (failCode == 0 && response.Headers.TryGetValues("xsrf-token", out var values) && values.FirstOrDefault() is { Length: > 0 } token)
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
}
