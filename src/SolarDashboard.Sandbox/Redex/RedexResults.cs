using System.Text.Json;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// The reference's envelope <c>{Data, StatusCode, Message}</c>, with the HTTP status equal to <c>StatusCode</c>, and
/// <c>Errors: [{Key, Message}]</c> on 422. Names are PascalCase as in the reference.
/// </summary>
public static class RedexResults
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null };

    public static IResult Ok(JsonNode data) => Envelope(200, "Success", data);

    public static IResult BadRequest(string message) => Envelope(400, message);

    public static IResult Unauthorized(HttpContext http, string message)
    {
        http.Response.Headers.WWWAuthenticate = message == "Unauthorized" ? "Bearer" : "Bearer error=\"invalid_token\"";
        return Envelope(401, message);
    }

    public static IResult Forbidden() => Envelope(403, "Forbidden");

    public static IResult NotFound(string message) => Envelope(404, message);

    public static IResult Unprocessable(IEnumerable<RedexError> errors)
    {
        var body = Body(422, "Unprocessable Entity", null);
        body["Errors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject { ["Key"] = e.Key, ["Message"] = e.Message })]);
        return Results.Json(body, Wire, statusCode: 422);
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds, rounded up so a client that waits that long gets in.</summary>
    public static IResult TooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Envelope(429, "Too Many Requests");
    }

    public static IResult Envelope(int status, string message, JsonNode? data = null) => Results.Json(Body(status, message, data), Wire, statusCode: status);

    private static JsonObject Body(int status, string message, JsonNode? data) => new()
    {
        ["Data"] = data,
        ["StatusCode"] = status,
        ["Message"] = message,
    };
}
