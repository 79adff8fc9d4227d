namespace SolarDashboard.Sandbox.Atess;

/// <summary>Quirks that strike before the API sees the call: HTML error pages and spurious "no access" refusals.</summary>
public sealed class AtessGatewayFilter(AtessQuirks quirks) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var q = quirks.Current;
        if (quirks.Roll(q.HtmlErrorPageRate)) return AtessResults.HtmlErrorPage();
        if (quirks.Roll(q.ForbiddenRate))
        {
            var language = AtessText.Language(context.HttpContext.Request.Headers.AcceptLanguage);
            return AtessResults.Envelope(AtessResults.NoAccess, null, AtessText.Format(language, "noAccess"));
        }
        return await next(context);
    }
}
