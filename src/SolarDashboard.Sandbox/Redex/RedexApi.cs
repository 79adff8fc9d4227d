using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// The registry's public API: token and refresh, generation data (both path spellings) and the status query. Every
/// call with a valid token or credentials counts against its account's 60 a minute before its body is looked at.
/// </summary>
public sealed class RedexApi(
    RedexDirectory directory, RedexTokens tokens, RedexRateLimiter limiter, RedexLedger ledger, RedexQuirks quirks, SimulationClock clock)
{
    public const string ApiKeyGrant = "api_key";
    public const string RefreshGrant = "refresh_token";

    /// <summary><c>POST public/v2/connect/token</c> with <c>{"GrantType":"api_key","ApiKey","ClientId","ClientSecret"}</c>.</summary>
    public async Task<IResult> Token(HttpContext http)
    {
        using var body = await RedexJson.ReadObjectAsync(http.Request);
        if (body is null) return RedexResults.BadRequest("The request body is not a JSON object");
        var root = body.RootElement;
        var (grant, e0) = RedexJson.String(root, "GrantType", "GrantType");
        var (apiKey, e1) = RedexJson.String(root, "ApiKey", "ApiKey");
        var (clientId, e2) = RedexJson.String(root, "ClientId", "ClientId");
        var (secret, e3) = RedexJson.String(root, "ClientSecret", "ClientSecret");
        if ((e0 ?? e1 ?? e2 ?? e3) is { } shape) return RedexResults.BadRequest(shape);
        if (grant != ApiKeyGrant) return RedexResults.BadRequest($"GrantType must be {ApiKeyGrant}");
        var missing = Missing(("ApiKey", apiKey), ("ClientId", clientId), ("ClientSecret", secret));
        if (missing.Count > 0) return RedexResults.Unprocessable(missing);

        var account = directory.Authenticate(apiKey!, clientId!, secret!);
        if (account is null) return RedexResults.Envelope(401, "Invalid ApiKey, ClientId or ClientSecret");
        if (Admit(http, account.ClientId) is { } refused) return refused;
        return TokenAnswer(tokens.Issue(account.ClientId));
    }

    /// <summary><c>POST public/v2/connect/token/refresh</c> with <c>{"GrantType":"refresh_token","RefreshToken","ClientId"}</c>.</summary>
    public async Task<IResult> Refresh(HttpContext http)
    {
        using var body = await RedexJson.ReadObjectAsync(http.Request);
        if (body is null) return RedexResults.BadRequest("The request body is not a JSON object");
        var root = body.RootElement;
        var (grant, e0) = RedexJson.String(root, "GrantType", "GrantType");
        var (refresh, e1) = RedexJson.String(root, "RefreshToken", "RefreshToken");
        var (clientId, e2) = RedexJson.String(root, "ClientId", "ClientId");
        if ((e0 ?? e1 ?? e2) is { } shape) return RedexResults.BadRequest(shape);
        if (grant != RefreshGrant) return RedexResults.BadRequest($"GrantType must be {RefreshGrant}");
        var missing = Missing(("RefreshToken", refresh), ("ClientId", clientId));
        if (missing.Count > 0) return RedexResults.Unprocessable(missing);

        if (directory.Account(clientId!) is null) return RedexResults.Envelope(401, "The refresh token is invalid");
        if (Admit(http, clientId!) is { } refused) return refused;
        var (pair, error) = tokens.Refresh(refresh!, clientId!);
        return pair is null ? RedexResults.Envelope(401, error!) : TokenAnswer(pair);
    }

    /// <summary>
    /// <c>POST public/v2/generation-data</c> (reference) or <c>generation-datas</c> (newer spelling). Both take
    /// <c>AccumulatedPowerInKWh</c> or <c>AccumulatedEnergyInKWh</c>. Success answers <c>Data: {"ProcessId": …}</c>.
    /// </summary>
    public async Task<IResult> Submit(HttpContext http, string path)
    {
        var (clientId, authError) = tokens.Resolve(Bearer(http));
        if (clientId is null) return RedexResults.Unauthorized(http, authError!);
        if (Admit(http, clientId) is { } refused) return refused;
        using var body = await RedexJson.ReadObjectAsync(http.Request);
        if (body is null) return RedexResults.BadRequest("The request body is not a JSON object");
        var (request, shape) = RedexGenerationRequest.Parse(body.RootElement);
        if (request is null) return RedexResults.BadRequest(shape!);

        var inverter = string.IsNullOrEmpty(request.RemoteInvId) ? null : directory.Inverter(request.RemoteInvId);
        if (inverter is not null && inverter.ClientId != clientId) return RedexResults.Forbidden();
        var pathField = path == RedexEndpoints.NewerPath ? RedexGenerationRequest.AccumulatedEnergy : RedexGenerationRequest.AccumulatedPower;
        var (errors, values) = RedexValidation.Validate(request, inverter, DateOnly.FromDateTime(clock.UtcNow.UtcDateTime), pathField);
        if (errors.Count > 0) return RedexResults.Unprocessable(errors);

        var (submission, decreases) = ledger.TryAccept(inverter!, clientId, path, RedexValidation.AccumulatedFieldOf(request), values);
        if (submission is null)
            return RedexResults.Unprocessable(decreases.Select(d =>
                new RedexError($"Data[{d.Index}].{(request.Data![d.Index].AccumulatedPowerInKWh is not null ? RedexGenerationRequest.AccumulatedPower : RedexGenerationRequest.AccumulatedEnergy)}", d.Message)));

        var q = quirks.Current;
        if (quirks.Roll(q.LostAnswerAfterProcessingRate))
        {
            // Stored and processing; the caller only sees its connection drop.
            limiter.RecordLostAnswer(clientId);
            http.Abort();
            return Results.Empty;
        }
        if (q.SlowAnswerAfterProcessingMilliseconds > 0) await Task.Delay(q.SlowAnswerAfterProcessingMilliseconds, CancellationToken.None);
        return RedexResults.Ok(new JsonObject { ["ProcessId"] = submission.ProcessId });
    }

    /// <summary><c>GET public/v2/generation-datas/statuses?ProcessId=…</c>: New, Processing, Success or Failed (with its reason).</summary>
    public IResult Status(HttpContext http)
    {
        var (clientId, authError) = tokens.Resolve(Bearer(http));
        if (clientId is null) return RedexResults.Unauthorized(http, authError!);
        if (Admit(http, clientId) is { } refused) return refused;
        var processId = http.Request.Query["ProcessId"].ToString();
        if (string.IsNullOrEmpty(processId)) return RedexResults.BadRequest("ProcessId is required");
        var submission = ledger.Submission(processId);
        if (submission is null) return RedexResults.NotFound($"No submission has ProcessId {processId}");
        if (submission.ClientId != clientId) return RedexResults.Forbidden();

        var status = submission.StatusAt(clock.UtcNow);
        var done = status is RedexProcessStatus.Success or RedexProcessStatus.Failed;
        return RedexResults.Ok(new JsonObject
        {
            ["ProcessId"] = submission.ProcessId,
            ["RemoteInvId"] = submission.RemoteInvId,
            ["Status"] = status.ToString(),
            ["Reason"] = status == RedexProcessStatus.Failed ? submission.FailureReason : null,
            ["Records"] = submission.Values.Count,
            ["CreatedAt"] = submission.ReceivedAt,
            ["CompletedAt"] = done ? submission.CompletesAt : null,
        });
    }

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private IResult? Admit(HttpContext http, string clientId)
    {
        http.Items[RedexGatewayFilter.AccountItem] = clientId;
        return limiter.TryAdmit(clientId, out var retryAfter) ? null : RedexResults.TooManyRequests(http, retryAfter);
    }

    private static IResult TokenAnswer(RedexTokenPair pair) => RedexResults.Ok(new JsonObject
    {
        ["AccessToken"] = pair.AccessToken,
        ["RefreshToken"] = pair.RefreshToken,
        ["ExpiresIn"] = pair.ExpiresIn,
        ["TokenType"] = "Bearer",
    });

    private static List<RedexError> Missing(params (string Name, string? Value)[] fields) =>
        [.. fields.Where(f => string.IsNullOrEmpty(f.Value)).Select(f => new RedexError(f.Name, $"{f.Name} is required"))];
}
