using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SolarDashboard.Core;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>Sign-in cookie, the framework's OpenID Connect handler, "signed in by default" authorization and the account endpoints.</summary>
internal static class AuthenticationSetup
{
    public const string CookieName = "SolarDashboard.Auth";
    public const string OidcScheme = "oidc";
    public const string HttpClientName = "oidc";

    /// <summary>Tolerated clock difference between the provider and this app when checking an id_token's lifetime.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Authority) && !string.IsNullOrWhiteSpace(o.ClientId),
                $"Sign-in is not configured: set {SignInOptions.Section}:Authority and :ClientId (and :ClientSecret) to your OpenID Connect provider. See README, 'Sign-in'.")
            .Validate(o => !o.RequireHttpsMetadata || !o.Authority.StartsWith("http:", StringComparison.OrdinalIgnoreCase),
                $"{SignInOptions.Section}:Authority must use https (set :RequireHttpsMetadata=false only for a provider on this machine).")
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<CurrentUser>();
        services.AddSingleton<ProviderRefresh>();
        services.AddSingleton<ProviderSessions>();
        services.AddScoped<AuthenticationStateProvider, CircuitRoleRevalidation>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // https outside Development (HTTPS redirection)
                o.LoginPath = "/account/signin";
                o.ReturnUrlParameter = "returnUrl";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // Cookies expire in the browser's time; in demo mode the app's TimeProvider is the simulation's clock.
                o.TimeProvider = TimeProvider.System;
                o.Events.OnValidatePrincipal = ValidatePrincipalAsync;
            })
            .AddOpenIdConnect(OidcScheme, "Single sign-on", _ => { });
        services.AddOptions<OpenIdConnectOptions>(OidcScheme)
            .Configure<IOptions<SignInOptions>, IAppAddress, IHttpClientFactory, TimeProvider>((o, signIn, appAddress, http, appTime) =>
            {
                var s = signIn.Value;
                o.ClientId = s.ClientId;
                o.ClientSecret = s.ClientSecret;
                o.CallbackPath = s.CallbackPath;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back on a top-level GET, so the Lax correlation and nonce cookies below reach the callback
                // (form_post would need SameSite=None, which needs https, and the demo runs on http).
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Clear();
                foreach (var scope in s.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("openid").Distinct()) o.Scope.Add(scope);
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false; // SignInEvents keeps only what sign-out needs
                o.DisableTelemetry = true;
                // Sign-out is ours (POST /account/signout); the provider cannot sign anyone out through a GET here.
                o.RemoteSignOutPath = PathString.Empty;
                o.SignedOutCallbackPath = PathString.Empty;

                var backchannel = http.CreateClient(HttpClientName);
                o.Backchannel = backchannel;
                o.ConfigurationManager = new ProviderConfiguration(s, appAddress, backchannel);
                o.TokenHandler = new SignedIdTokenHandler();
                o.TokenValidationParameters.ValidAudience = s.ClientId;
                // Lifetimes on the app's clock: in demo mode that is the sandbox's simulated clock, which also stamps its
                // id_tokens, so a demo clock far from real time still signs people in.
                o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = appTime.GetUtcNow().UtcDateTime;
                    return expires is { } exp && now <= exp + ClockSkew && (notBefore is not { } nbf || nbf - ClockSkew <= now);
                };

                // Correlation and nonce cookies expire in the browser's time, like the sign-in cookie.
                o.TimeProvider = TimeProvider.System;
                foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
                {
                    cookie.SameSite = SameSiteMode.Lax;
                    cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
                o.Events.OnTokenValidated = SignInEvents.KeepIdTokenAsync;
                o.Events.OnTicketReceived = SignInEvents.RecordUserAsync;
                o.Events.OnRemoteFailure = SignInEvents.ShowFailureAsync;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>
    /// Roles can change (an admin edits them, the provider does, or the user is removed): each request re-reads the user,
    /// so the cookie never grants more than the database says; roles from the provider are re-checked with it once due,
    /// and a session the provider no longer refreshes ends.
    /// </summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        if (!int.TryParse(context.Principal?.FindFirst(UserClaims.UserId)?.Value, out var userId)) { context.RejectPrincipal(); return; }
        var directory = services.GetRequiredService<UserDirectory>();
        var user = await directory.FindAsync(userId, ct);
        if (user is not null && !string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<SignInOptions>>().Value.RoleClaim))
        {
            var fromCookie = ProviderSessions.Read(context.Properties);
            var session = context.Principal!.FindFirst(UserClaims.Session)?.Value ?? "";
            var confirmed = await services.GetRequiredService<ProviderSessions>().EnsureCheckedAsync(session, user, fromCookie, ct);
            if (confirmed is null)
            {
                user = null;
            }
            else if (confirmed != fromCookie)
            {
                // Newer tokens (this request refreshed, or another request or the circuit did): into the cookie with them.
                ProviderSessions.Write(context.Properties, confirmed);
                context.ShouldRenew = true;
                user = await directory.FindAsync(userId, ct);
            }
        }
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var cookieRoles = context.Principal!.FindAll(ClaimTypes.Role).Select(c => c.Value).Order();
        if (!cookieRoles.SequenceEqual(AppPrincipal.RoleNames(user.Roles).Order()) || context.Principal.Identity?.Name != user.DisplayName)
        {
            context.ReplacePrincipal(AppPrincipal.Create(user, context.Principal.FindFirst(UserClaims.Session)?.Value ?? ""));
            context.ShouldRenew = true;
        }
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/signin", (HttpContext http, string? returnUrl, ILogger<SignInOptions> logger) =>
        {
            // Only a path on this site; anything else (https://elsewhere, //elsewhere, control characters) is refused and replaced by home.
            var target = ReturnUrls.OrHome(returnUrl);
            if (!string.IsNullOrEmpty(returnUrl) && target != returnUrl)
                logger.LogWarning("Refused return URL {ReturnUrl} (not a plain path on this site); sending the user home", Uri.EscapeDataString(returnUrl[..Math.Min(returnUrl.Length, 200)]));
            if (http.User.Identity?.IsAuthenticated == true) return Results.LocalRedirect(target);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OidcScheme]);
        }).AllowAnonymous();

        app.MapPost("/account/signout", async (HttpContext http, IAntiforgery antiforgery, IOptionsMonitor<OpenIdConnectOptions> oidc, IOptions<SignInOptions> signIn, ProviderSessions sessions) =>
        {
            // The form carries no other field, so nothing binds it: check the anti-forgery token explicitly.
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var idToken = await http.GetTokenAsync(CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectParameterNames.IdToken);
            if (http.User.FindFirst(UserClaims.Session)?.Value is { } session) sessions.End(session);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            var signedOut = UriHelper.BuildAbsolute(http.Request.Scheme, http.Request.Host, http.Request.PathBase, "/account/signed-out");
            string? endSession = null;
            try
            {
                endSession = (await oidc.Get(OidcScheme).ConfigurationManager!.GetConfigurationAsync(http.RequestAborted)).EndSessionEndpoint;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
            {
                // The provider is unreachable: the local session is ended anyway.
            }
            if (string.IsNullOrEmpty(endSession)) return Results.Redirect("/account/signed-out");
            var query = new Dictionary<string, string?> { ["post_logout_redirect_uri"] = signedOut, ["client_id"] = signIn.Value.ClientId };
            if (idToken is not null) query["id_token_hint"] = idToken;
            return Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(endSession, query));
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }
}
