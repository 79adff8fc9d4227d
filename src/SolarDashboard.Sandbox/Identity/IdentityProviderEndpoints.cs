using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Identity;

/// <summary>
/// A small OpenID Connect provider for signing in to the dashboard offline: discovery, authorization code flow with
/// PKCE (S256 required), RS256 id_tokens with nonce and a "roles" claim, single-use refresh tokens (each refresh answers
/// a new id_token with the user's roles of now), JWKS, end-session. The issuer is derived from the address the request
/// came to, so it follows whatever address the app listens on.
/// </summary>
public static class IdentityProviderEndpoints
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public static void Map(RouteGroupBuilder idp)
    {
        idp.MapGet("/.well-known/openid-configuration", (HttpRequest r) =>
        {
            var issuer = Issuer(r);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["jwks_uri"] = issuer + "/jwks",
                ["end_session_endpoint"] = issuer + "/end-session",
                ["response_types_supported"] = new[] { "code" },
                ["response_modes_supported"] = new[] { "query" },
                ["grant_types_supported"] = new[] { "authorization_code", "refresh_token" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["scopes_supported"] = new[] { "openid", "profile", "roles" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
                ["claims_supported"] = new[] { "sub", "name", "preferred_username", "roles", "nonce" },
            });
        });
        idp.MapGet("/jwks", (IdpKeys keys) => Results.Json(keys.Jwks()));
        idp.MapGet("/authorize", Authorize);
        idp.MapPost("/authorize", SignIn).DisableAntiforgery();
        idp.MapPost("/token", Token).DisableAntiforgery();
        idp.MapGet("/end-session", (HttpRequest r) =>
        {
            var target = r.Query["post_logout_redirect_uri"].ToString();
            if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.IsLoopback) return Results.Redirect(target);
            return Results.Content("<!DOCTYPE html><html><body><h1>Signed out of the sandbox identity provider</h1></body></html>", "text/html");
        });
    }

    private static string Issuer(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}{SandboxServiceCollectionExtensions.IdentityPrefix}";

    private static bool ValidClient(SandboxOptions o, string? clientId, string? redirectUri) =>
        clientId == o.IdentityProvider.ClientId && Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static IResult Authorize(HttpRequest r, SandboxOptions o)
    {
        var q = r.Query;
        if (q["response_type"] != "code" || !ValidClient(o, q["client_id"], q["redirect_uri"]))
            return Results.Content("<!DOCTYPE html><html><body><h1>Invalid sign-in request</h1><p>Unknown client or redirect address.</p></body></html>", "text/html", Encoding.UTF8, 400);
        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            return Redirect(q["redirect_uri"]!, "error=invalid_request&error_description=PKCE%20S256%20is%20required", q["state"]);
        return Page(q["client_id"]!, q["redirect_uri"]!, q["state"], q["nonce"], q["code_challenge"]!, null, null);
    }

    private static async Task<IResult> SignIn(HttpRequest r, SandboxOptions o, SimulationClock clock, IdpCodes codes)
    {
        var f = await r.ReadFormAsync();
        var clientId = f["client_id"].ToString();
        var redirect = f["redirect_uri"].ToString();
        if (!ValidClient(o, clientId, redirect)) return Results.BadRequest();
        var user = o.IdentityProvider.EffectiveUsers.FirstOrDefault(u => u.UserName == f["username"] && u.Password == f["password"]);
        if (user is null) return Page(clientId, redirect, f["state"], f["nonce"], f["code_challenge"]!, f["username"], "Wrong user name or password.");
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        codes.Pending[code] = new PendingCode(user.UserName, clientId, redirect, f["code_challenge"]!, string.IsNullOrEmpty(f["nonce"]) ? null : f["nonce"].ToString(), clock.UtcNow + CodeLifetime);
        return Redirect(redirect, "code=" + code, f["state"]);
    }

    private static async Task<IResult> Token(HttpRequest r, SandboxOptions o, SimulationClock clock, IdpKeys keys, IdpCodes codes, IdpState state)
    {
        var f = r.HasFormContentType ? await r.ReadFormAsync() : FormCollection.Empty;
        var (clientId, secret) = ClientCredentials(r, f);
        if (clientId != o.IdentityProvider.ClientId || secret != o.IdentityProvider.ClientSecret) return Error(401, "invalid_client");
        string userName;
        string? nonce = null;
        if (f["grant_type"] == "authorization_code")
        {
            if (!codes.Pending.TryRemove(f["code"].ToString(), out var code) || code.Expires < clock.UtcNow || code.ClientId != clientId || code.RedirectUri != f["redirect_uri"])
                return Error(400, "invalid_grant");
            var verifier = f["code_verifier"].ToString();
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            if (string.IsNullOrEmpty(verifier) || challenge != code.Challenge) return Error(400, "invalid_grant");
            (userName, nonce) = (code.User, code.Nonce);
        }
        else if (f["grant_type"] == "refresh_token")
        {
            // Single use: the token presented is spent whatever happens next, and a new one comes with the answer.
            if (state.Redeem(f["refresh_token"].ToString()) is not { } grant || grant.ClientId != clientId) return Error(400, "invalid_grant");
            userName = grant.User;
        }
        else
        {
            return Error(400, "unsupported_grant_type");
        }
        if (o.IdentityProvider.EffectiveUsers.FirstOrDefault(u => u.UserName == userName) is not { } user) return Error(400, "invalid_grant");

        var now = clock.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "sandbox|" + user.UserName,
            ["name"] = user.Name,
            ["preferred_username"] = user.UserName,
            ["roles"] = state.RolesOf(user).ToArray(),
        };
        if (nonce is not null) claims["nonce"] = nonce;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer(r),
            Audience = clientId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + TokenLifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = keys.Credentials,
        });
        return Results.Json(new
        {
            id_token = idToken,
            access_token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            token_type = "Bearer",
            expires_in = (int)TokenLifetime.TotalSeconds,
            refresh_token = state.Issue(user.UserName, clientId!),
        });
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest r, IFormCollection f)
    {
        var header = r.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
            if (parts.Length == 2) return (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]));
        }
        return (f["client_id"], f["client_secret"]);
    }

    private static IResult Error(int status, string error) => Results.Json(new { error }, statusCode: status);

    private static IResult Redirect(string redirectUri, string query, string? state) => Results.Redirect(SandboxPages.RedirectWith(redirectUri, query, state));

    private static IResult Page(string clientId, string redirect, string? state, string? nonce, string challenge, string? user, string? error)
    {
        var E = SandboxPages.E;
        var fields = $"""
            <input type="hidden" name="client_id" value="{E(clientId)}"><input type="hidden" name="redirect_uri" value="{E(redirect)}">
            <input type="hidden" name="state" value="{E(state)}"><input type="hidden" name="nonce" value="{E(nonce)}"><input type="hidden" name="code_challenge" value="{E(challenge)}">
            <button type="submit">Sign in</button>
            """;
        return SandboxPages.SignInForm("Sign in – SolarDashboard sandbox", "Sign in to SolarDashboard",
            "Sandbox identity provider. Demo users: owner-anna, owner-ben, olga-operator, adam-admin (password: demo).",
            "User name", user, error, fields,
            "form > button { margin-top: 1.25rem; width: 100%; background: #3f51b5; color: #fff; }");
    }
}
