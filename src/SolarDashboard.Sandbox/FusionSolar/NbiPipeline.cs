using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// What every NBI operation does first: read the body, authenticate (XSRF-TOKEN header or cookie for API accounts,
/// Authorization: Bearer for OAuth), check the scope, then spend flow-control budget.
/// </summary>
public sealed class NbiPipeline(SandboxWorld world, ApiAccountSessions sessions, OAuthServer oauth, FlowControl flow, Quirks quirks)
{
    public async Task<IResult> Run(HttpContext http, NbiApi api, Func<NbiCall, IResult> handler)
    {
        var now = world.Clock.UnixMs;
        var request = await NbiRequest.ReadAsync(http.Request);
        if (request is null) return NbiResults.ParamError("body", "The request body is not valid JSON.");

        var (caller, refused) = Authenticate(http, now);
        if (caller is null) return refused!;

        var control = FlowControl.IsControl(api);
        if (!caller.IsOAuth && control)
            return NbiResults.Json(NbiResults.Envelope(false, 401, "Unauthorized", [], null));
        if (caller.IsOAuth && !caller.Scopes.Contains(control ? Scopes.Control : Scopes.Basic))
            return NbiResults.Json(NbiResults.Envelope(false, 401, "Invalid access to current interface!", [], null));

        if (!flow.TryConsume(caller.Key, caller.IsOAuth, api, caller.PlantCodes))
            return RateLimited(now);

        return handler(new NbiCall(request, caller, world, quirks, now));
    }

    /// <summary>A pre-offline API (reference 8.7): the session is checked like any call's, the body is not read, and no budget is spent.</summary>
    public IResult Offline(HttpContext http) =>
        Authenticate(http, world.Clock.UnixMs) is (null, { } refused) ? refused : NbiResults.Offline();

    /// <summary>The caller of a live session, or the 305 answer: a bearer token for OAuth owners, else the XSRF-TOKEN header or cookie.</summary>
    private (Caller? Caller, IResult? Refused) Authenticate(HttpContext http, long now)
    {
        var bearer = http.Request.Headers.Authorization.ToString();
        if (bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var owner = oauth.Resolve(bearer["Bearer ".Length..].Trim());
            return owner is null ? (null, NbiResults.Json(NbiResults.Envelope(false, 305, "INVALID_CREDENTIAL", null, null))) : (owner, null);
        }
        var token = http.Request.Headers["XSRF-TOKEN"].FirstOrDefault() ?? http.Request.Cookies["XSRF-TOKEN"];
        var account = sessions.Resolve(token);
        return account is null
            ? (null, NbiResults.Fail(305, [], now, "USER_MUST_RELOGIN"))
            : (new Caller("api:" + account.UserName, false, Scopes.All, account.PlantCodes), null);
    }

    public IResult RateLimited(long now)
    {
        var inData = quirks.Current.RateLimitTextInData;
        var body = NbiResults.Envelope(false, 407, inData ? null : NbiResults.RateLimitText, new() { ["currentTime"] = now },
            inData ? NbiResults.RateLimitText : null);
        return NbiResults.Json(body);
    }
}
