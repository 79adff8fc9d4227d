using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// The answers: always HTTP 200 with <c>{code, data, msg}</c>. Codes: 0 success (200 with the quirk), 400 not found,
/// 403 no access, 429 acquisition limit, 500 fail (bad request or refused change; nothing was applied).
/// </summary>
internal static class AtessResults
{
    public const int Success = 0;
    public const int NotFound = 400;
    public const int NoAccess = 403;
    public const int TooFrequent = 429;
    public const int Fail = 500;

    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Envelope(int code, JsonNode? data, string msg) =>
        new JsonResult(new JsonObject { ["code"] = code, ["data"] = data, ["msg"] = msg });

    public static IResult HtmlErrorPage() => Results.Content(
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
        "text/html", statusCode: 502);

    private sealed class JsonResult(JsonNode body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 200;
            httpContext.Response.ContentType = "application/json;charset=UTF-8";
            await httpContext.Response.WriteAsync(body.ToJsonString(Wire), Encoding.UTF8);
        }
    }
}
