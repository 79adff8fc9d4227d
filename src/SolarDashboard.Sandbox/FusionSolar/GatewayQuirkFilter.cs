using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>Gateway-level quirks: slow answers, 403/429 throttling and HTML error pages, before the API sees the call.</summary>
public sealed class GatewayQuirkFilter(Quirks quirks) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var q = quirks.Current;
        if (q.SlowAnswerMilliseconds > 0) await Task.Delay(q.SlowAnswerMilliseconds, context.HttpContext.RequestAborted);
        if (quirks.Roll(q.GatewayThrottleRate))
        {
            var status = quirks.Roll(0.5) ? 429 : 403;
            return Results.Text(status == 429 ? "Too Many Requests" : "Forbidden: request rate limited by gateway", "text/plain", statusCode: status);
        }
        if (quirks.Roll(q.HtmlErrorPageRate))
        {
            return Results.Content("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
                "text/html", statusCode: 502);
        }
        var result = await next(context);
        // The call was processed; only its answer is late (a lost or slow answer after the vendor acted).
        if (q.SlowAnswerAfterProcessingMilliseconds > 0) await Task.Delay(q.SlowAnswerAfterProcessingMilliseconds, CancellationToken.None);
        return result;
    }
}
