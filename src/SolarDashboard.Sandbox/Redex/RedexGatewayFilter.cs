namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// In front of every REDEX endpoint: the HTML error page quirk (before the API sees the call, so nothing is stored or
/// counted), and the per-account tally of answers by status for the admin view.
/// </summary>
public sealed class RedexGatewayFilter(RedexQuirks quirks, RedexRateLimiter limiter) : IEndpointFilter
{
    public const string AccountItem = "redex.clientId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (quirks.Roll(quirks.Current.HtmlErrorPageRate))
            return Results.Content(
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>The server returned an invalid or incomplete response.</p><hr><address>Microsoft-IIS/10.0</address></body></html>",
                "text/html", statusCode: 502);
        var result = await next(context);
        if (context.HttpContext.Items[AccountItem] is string clientId && result is IStatusCodeHttpResult { StatusCode: { } status })
            limiter.Record(clientId, status);
        return result;
    }
}
