using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>One authenticated, budgeted NBI call.</summary>
public sealed record NbiCall(NbiRequest Request, Caller Caller, SandboxWorld World, Quirks Quirks, long Now);

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

        var bearer = http.Request.Headers.Authorization.ToString();
        Caller? caller;
        if (bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            caller = oauth.Resolve(bearer["Bearer ".Length..].Trim());
            if (caller is null) return NbiResults.Json(NbiResults.Envelope(false, 305, "INVALID_CREDENTIAL", null, null));
        }
        else
        {
            var token = http.Request.Headers["XSRF-TOKEN"].FirstOrDefault() ?? http.Request.Cookies["XSRF-TOKEN"];
            var account = sessions.Resolve(token);
            if (account is null) return NbiResults.Fail(305, [], now, "USER_MUST_RELOGIN");
            caller = new Caller("api:" + account.UserName, false, Scopes.All, account.PlantCodes);
        }

        var control = FlowControl.IsControl(api);
        if (!caller.IsOAuth && control)
            return NbiResults.Json(NbiResults.Envelope(false, 401, "Unauthorized", [], null));
        if (caller.IsOAuth && !caller.Scopes.Contains(control ? Scopes.Control : Scopes.Basic))
            return NbiResults.Json(NbiResults.Envelope(false, 401, "Invalid access to current interface!", [], null));

        if (!flow.TryConsume(caller.Key, caller.IsOAuth, api, caller.PlantCodes))
            return RateLimited(now);

        return handler(new NbiCall(request, caller, world, quirks, now));
    }

    public IResult RateLimited(long now)
    {
        var inData = quirks.Current.RateLimitTextInData;
        var body = NbiResults.Envelope(false, 407, inData ? null : NbiResults.RateLimitText, new() { ["currentTime"] = now },
            inData ? NbiResults.RateLimitText : null);
        return NbiResults.Json(body);
    }
}
