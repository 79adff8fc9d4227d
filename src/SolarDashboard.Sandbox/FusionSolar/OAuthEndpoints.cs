using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// The OAuth service endpoints of reference 3.1.2: the authorize page where a simulated owner signs in and ticks
/// permission sets, and the token endpoint with the documented error answers (8.1.1, 8.1.2).
/// </summary>
public static class OAuthEndpoints
{
    private const string AuthorizePath = "/rest/dp/uidm/oauth2/v1/authorize";

    public static void Map(RouteGroupBuilder oauth)
    {
        oauth.MapGet(AuthorizePath, Authorize);
        oauth.MapPost(AuthorizePath, Decide).DisableAntiforgery();
        oauth.MapPost("/rest/dp/uidm/oauth2/v1/token", Token).DisableAntiforgery();
    }

    private static IResult Authorize(HttpRequest request, OAuthServer server)
    {
        var q = request.Query;
        var clientId = q["client_id"].ToString();
        var redirect = q["redirect_uri"].ToString();
        if (q["response_type"] != "code" || !server.IsKnownClient(clientId) || !server.IsRegisteredRedirect(redirect))
            return WhitelabelError();
        var scopes = ParseScopes(q["scope"]);
        if (scopes is null)
            return Results.Redirect(SandboxPages.RedirectWith(redirect, "error=invalid_scope&error_description=OAuth%202.0%20Parameter:%20scope", q["state"]));
        return Page(clientId, redirect, scopes, q["state"], null, null);
    }

    private static async Task<IResult> Decide(HttpRequest request, OAuthServer server)
    {
        var form = await request.ReadFormAsync();
        var clientId = form["client_id"].ToString();
        var redirect = form["redirect_uri"].ToString();
        var state = form["state"].ToString();
        if (!server.IsKnownClient(clientId) || !server.IsRegisteredRedirect(redirect)) return WhitelabelError();
        var requested = ParseScopes(form["requested_scope"]) ?? [];
        if (form["decision"] != "allow")
            return Results.Redirect(SandboxPages.RedirectWith(redirect, "error=10002&error_description=access_is_denied", state));
        var owner = server.CheckOwner(form["username"], form["password"]);
        if (owner is null) return Page(clientId, redirect, requested, state, form["username"], "The account or password is incorrect.");
        var granted = form["scope"].Select(s => s ?? "").Where(requested.Contains).ToHashSet();
        if (granted.Count == 0)
            return Results.Redirect(SandboxPages.RedirectWith(redirect, "error=10002&error_description=access_is_denied", state));
        var code = server.IssueCode(owner, clientId, redirect, granted);
        return Results.Redirect(SandboxPages.RedirectWith(redirect, "code=" + Uri.EscapeDataString(code), state));
    }

    private static async Task<IResult> Token(HttpRequest request, OAuthServer server, Quirks quirks)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;
        var grant = form["grant_type"].ToString();
        if (grant is not ("authorization_code" or "refresh_token") || quirks.Current.TokenRejectsGrantType)
            return Error(400, "1111", "unsupported_grant_type");
        if (!server.CheckClient(form["client_id"], form["client_secret"]))
            return Results.Json(new JsonObject { ["error"] = "invalid_client" }, statusCode: 401);
        var answer = grant == "authorization_code"
            ? server.ExchangeCode(form["code"], form["redirect_uri"], form["client_id"]!)
            : server.Refresh(form["refresh_token"]);
        if (answer is null) return Error(400, "1110", "invalid_grant");
        return Results.Json(new JsonObject
        {
            ["access_token"] = answer.AccessToken,
            ["refresh_token"] = answer.RefreshToken,
            ["expires_in"] = answer.ExpiresIn,
            ["scope"] = answer.Scope,
            ["token_type"] = "Bearer",
        });
    }

    private static IResult Error(int status, string code, string description) =>
        Results.Json(new JsonObject { ["error_description"] = description, ["error"] = code }, statusCode: status);

    /// <summary>Null when a scope is unknown; every permission set when none is named (the owner's default).</summary>
    private static HashSet<string>? ParseScopes(string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope)) return [.. Scopes.All];
        var parts = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.All(Scopes.All.Contains) ? [.. parts] : null;
    }

    private static IResult WhitelabelError() => Results.Content(
        "<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p>" +
        "<div>There was an unexpected error (type=Bad Request, status=400).</div></body></html>", "text/html", Encoding.UTF8, 400);

    private static IResult Page(string clientId, string redirect, IReadOnlySet<string> scopes, string? state, string? user, string? error)
    {
        var E = SandboxPages.E;
        var boxes = new StringBuilder();
        foreach (var s in Scopes.All.Where(scopes.Contains).Order())
        {
            var label = s == Scopes.Basic ? "Basic APIs: plants, devices, real-time data, reports and alarms" : "Control APIs: battery charge/discharge, working mode, battery parameters, feed-in limit";
            boxes.Append($"<label class=\"scope\"><input type=\"checkbox\" name=\"scope\" value=\"{E(s)}\" checked> {E(label)} <code>{E(s)}</code></label>");
        }
        var fields = $"""
            <label>Permissions</label>{boxes}
            <input type="hidden" name="client_id" value="{E(clientId)}"><input type="hidden" name="redirect_uri" value="{E(redirect)}">
            <input type="hidden" name="state" value="{E(state)}"><input type="hidden" name="requested_scope" value="{E(string.Join(' ', scopes))}">
            <div class="buttons"><button class="deny" name="decision" value="deny" type="submit">Deny</button><button class="allow" name="decision" value="allow" type="submit">Authorize</button></div>
            """;
        return SandboxPages.SignInForm("FusionSolar sandbox – authorize", "FusionSolar (sandbox)",
            "A third-party application asks for access to your plants. Sign in with your FusionSolar owner account and choose what it may do.",
            "Account", user, error, fields,
            "label.scope { font-weight: 400; border: 1px solid #d5dde4; border-radius: 6px; padding: .6rem; } code { font-size: .8rem; color: #5a6773; } " +
            ".buttons { display: flex; gap: .75rem; margin-top: 1.25rem; } .buttons button { flex: 1; } button.allow { background: #c7000b; color: #fff; } button.deny { background: #dde3e8; }");
    }
}
