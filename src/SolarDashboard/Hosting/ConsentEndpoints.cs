using Microsoft.AspNetCore.Mvc;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors.FusionSolar.Consent;

namespace SolarDashboard.Hosting;

/// <summary>The redirect back from FusionSolar's consent page (reference 3.1.2.2). Needs the signed-in user whose session started it.</summary>
public static class ConsentEndpoints
{
    public const string ConnectPath = "/connections/fusionsolar/connect";

    public static IEndpointRouteBuilder MapConsentEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post (anti-forgery checked): records a single-use state for this sign-in session and leaves for FusionSolar.
        app.MapPost(ConnectPath, async (HttpContext http, AccessService access, FusionSolarConsent consent,
            [FromForm] ConsentPurpose purpose, [FromForm] int? connection, CancellationToken ct) =>
        {
            var user = await access.ForPrincipalAsync(http.User, ct);
            var session = http.User.FindFirst(UserClaims.Session)?.Value ?? "";
            if (!consent.IsConfigured) return Results.LocalRedirect($"/connections/fusionsolar/failed?reason={ConsentFailure.NotConfigured}");
            try
            {
                var origin = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
                return Results.Redirect((await consent.BeginAsync(user, session, purpose, connection, origin, ct)).AbsoluteUri);
            }
            catch (AccessDeniedException)
            {
                return Results.NotFound();
            }
        });

        app.MapGet(FusionSolarConsent.CallbackPath, async (HttpContext http, AccessService access, FusionSolarConsent consent,
            string? state, string? code, string? error, CancellationToken ct) =>
        {
            var user = await access.ForPrincipalAsync(http.User, ct);
            var session = http.User.FindFirst(UserClaims.Session)?.Value;
            var result = await consent.CompleteAsync(user, session, state, code, error, ct);
            // The code and state never travel further than this request: the next pages get only the outcome.
            return result.Succeeded
                ? Results.LocalRedirect($"/plants?connected={result.ConnectionId}")
                : Results.LocalRedirect($"/connections/fusionsolar/failed?reason={result.Failure}&purpose={result.Purpose}" +
                    (result.ConnectionId is { } id ? $"&connection={id}" : ""));
        });
        return app;
    }
}
