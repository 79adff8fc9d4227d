using Microsoft.Extensions.Options;
using SolarDashboard.Authentication;
using SolarDashboard.Vendors.FusionSolar.Consent;

namespace SolarDashboard.Hosting;

/// <summary>
/// The usual security headers on every answer. The CSP allows what Blazor Server, MudBlazor and ApexCharts need:
/// scripts from this origin only, inline styles (MudBlazor and SVG charts set style attributes), the SignalR websocket.
/// Forms post to this site; the two that redirect onwards (sign-out, connect FusionSolar) may land on those origins.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SignInOptions> signIn, IOptions<FusionSolarOAuthOptions> fusionSolar)
{
    private readonly string _contentSecurityPolicy = ContentSecurityPolicy(signIn.Value.Authority, fusionSolar.Value.AuthorizeUrl);

    /// <summary>Forms post here; sign-out and "connect FusionSolar" then redirect to the provider's or FusionSolar's origin.</summary>
    public static string ContentSecurityPolicy(params string?[] redirectTargets)
    {
        var formAction = "'self'";
        foreach (var target in redirectTargets)
            if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                formAction += " " + uri.GetLeftPart(UriPartial.Authority);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            $"connect-src 'self'; form-action {formAction}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = _contentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
