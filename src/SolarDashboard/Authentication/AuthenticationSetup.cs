using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>Sign-in cookie, OpenID Connect sign-in, "signed in by default" authorization and the account endpoints.</summary>
internal static class AuthenticationSetup
{
    public const string CookieName = "SolarDashboard.Auth";

    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Authority) && !string.IsNullOrWhiteSpace(o.ClientId),
                $"Sign-in is not configured: set {SignInOptions.Section}:Authority and :ClientId (and :ClientSecret) to your OpenID Connect provider. See README, 'Sign-in'.")
            .ValidateOnStart();
        services.AddHttpClient(OidcMetadata.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<OidcMetadata>();
        services.AddSingleton<OidcTokenValidator>();
        services.AddScoped<CurrentUser>();

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
                o.Events.OnValidatePrincipal = RefreshFromDatabaseAsync;
            })
            .AddOAuth<Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions, OidcHandler>(OidcHandler.SchemeName, "Single sign-on", _ => { });
        services.AddOptions<Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions>(OidcHandler.SchemeName)
            .Configure<IOptions<SignInOptions>>((o, signIn) =>
            {
                var s = signIn.Value;
                o.ClientId = s.ClientId;
                o.ClientSecret = s.ClientSecret;
                o.CallbackPath = s.CallbackPath;
                // The real endpoints come from discovery at sign-in time; the base options only insist they are set.
                o.AuthorizationEndpoint = o.TokenEndpoint = string.IsNullOrEmpty(s.Authority) ? "unset" : s.Authority;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.Scope.Clear();
                foreach (var scope in s.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("openid").Distinct()) o.Scope.Add(scope);
                o.TimeProvider = TimeProvider.System;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRemoteFailure = context =>
                {
                    var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<OidcHandler>>();
                    logger.LogWarning("Sign-in failed: {Reason}", context.Failure?.Message);
                    context.Response.Redirect("/account/signin-failed?reason=" + Uri.EscapeDataString(context.Failure?.Message ?? "unknown"));
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>
    /// Roles can change (an admin edits them, or the user is removed): each request re-reads the user, so the cookie
    /// never grants more than the database says.
    /// </summary>
    private static async Task RefreshFromDatabaseAsync(CookieValidatePrincipalContext context)
    {
        if (!int.TryParse(context.Principal?.FindFirst(UserClaims.UserId)?.Value, out var userId)) { context.RejectPrincipal(); return; }
        var user = await context.HttpContext.RequestServices.GetRequiredService<UserDirectory>().FindAsync(userId, context.HttpContext.RequestAborted);
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
        app.MapGet("/account/signin", (HttpContext http, string? returnUrl) =>
        {
            // Only a path on this site; anything else (https://elsewhere, //elsewhere) is refused and replaced by home.
            var target = ReturnUrls.OrHome(returnUrl);
            if (http.User.Identity?.IsAuthenticated == true) return Results.LocalRedirect(target);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OidcHandler.SchemeName]);
        }).AllowAnonymous();

        app.MapPost("/account/signout", async (HttpContext http, IAntiforgery antiforgery, OidcMetadata metadata, IOptions<SignInOptions> signIn) =>
        {
            // The form carries no other field, so nothing binds it: check the anti-forgery token explicitly.
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var idToken = await http.GetTokenAsync(CookieAuthenticationDefaults.AuthenticationScheme, "id_token");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            var signedOut = UriHelper.BuildAbsolute(http.Request.Scheme, http.Request.Host, http.Request.PathBase, "/account/signed-out");
            string? endSession = null;
            try
            {
                endSession = (await metadata.GetAsync(http.RequestAborted)).EndSessionEndpoint;
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

/// <summary>The signed-in user of the current circuit or request, with access read fresh from the database.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, AccessService access)
{
    public async Task<UserAccess> GetAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await access.ForPrincipalAsync(state.User, ct);
    }

    public async Task<string?> SessionIdAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirst(UserClaims.Session)?.Value;
}
