using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>The answers of the NBI: always HTTP 200 with the envelope, errors told by failCode (reference 3.1.3, 6.1).</summary>
public static class NbiResults
{
    /// <summary>Texts of reference 6.1 used by the sandbox.</summary>
    public static readonly IReadOnlyDictionary<int, string> Messages = new Dictionary<int, string>
    {
        [20001] = "The third-party system ID does not exist.",
        [20004] = "The server is abnormal.",
        [20005] = "The device ID cannot be empty.",
        [20006] = "Some devices do not match the device type.",
        [20007] = "The system does not have the desired power plant resources.",
        [20008] = "The system does not have the desired device resources.",
        [20010] = "The plant list cannot be empty.",
        [20012] = "The query time cannot be empty.",
        [20013] = "The device type is incorrect. The API does not support operations on some devices.",
        [20014] = "A maximum of 100 plants can be queried at a time.",
        [20016] = "A maximum of 100 devices can be queried at a time.",
        [20017] = "A maximum of 100 devices can be queried at a time.",
        [20023] = "The query start time cannot be later than the query end time.",
        [20024] = "The language cannot be empty.",
        [20025] = "The language parameter value is incorrect.",
        [20026] = "Only data of the latest 365 days can be queried.",
        [20044] = "The unique ID of a charge/discharge task cannot be empty.",
        [20045] = "Unauthorized PV plants exist in the input parameters.",
        [20050] = "The charging and discharging task query parameter does not exist.",
        [20055] = "The plant list and device list parameters cannot be empty at the same time.",
        [20056] = "Resources that are not authorized by the owner exist.",
        [20400] = "The API account name or password is incorrect.",
        [20604] = "The time parameter is incorrect. The start time cannot be later than or equal to the end time.",
        [20605] = "The time cannot be a negative number.",
        [20606] = "If only the start time is entered and the end time is empty, the start time cannot be later than or equal to the current time.",
        [20607] = "The task list is empty.",
        [20608] = "Duplicate plant IDs exist in the input parameters.",
        [20609] = "The plant networking is abnormal.",
        [20611] = "The values of input parameters exceed the valid range.",
        [20612] = "The value of an input parameter is empty.",
        [20615] = "The same task is being executed in the current plant.",
        [20620] = "The taskId is not exist.",
        [30004] = "The value of pageNo cannot be empty.",
        [30021] = "The value of pageNo is smaller than 0.",
        [30031] = "A maximum of 10 devices can be queried at a time.",
        [30032] = "The time parameter is invalid. The query time segment cannot be longer than three days.",
    };

    public const string RateLimitText = "ACCESS_FREQUENCY_IS_TOO_HIGH";

    public static JsonObject Envelope(bool success, int failCode, string? message, JsonObject? @params, JsonNode? data) => new()
    {
        ["success"] = success,
        ["failCode"] = failCode,
        ["message"] = message,
        ["params"] = @params,
        ["data"] = data,
    };

    public static IResult Ok(JsonObject @params, JsonNode? data, long currentTime, string? message = null)
    {
        @params["currentTime"] = currentTime;
        return Json(Envelope(true, 0, message, @params, data));
    }

    public static IResult Fail(int failCode, JsonObject? @params, long currentTime, string? message = null)
    {
        if (@params is not null) @params["currentTime"] = currentTime;
        return Json(Envelope(false, failCode, message ?? Messages.GetValueOrDefault(failCode), @params, null));
    }

    /// <summary>
    /// The answer of an API of the replaced-APIs table once it is pre-offline (reference 8.7: 401 or 402). Real servers
    /// answer 401 with the 3.1.3 example 4 body, fields in this order and <c>params</c> empty.
    /// </summary>
    public static IResult Offline() => Json(new JsonObject
    {
        ["success"] = false,
        ["failCode"] = 401,
        ["message"] = "Invalid access to current interface!",
        ["data"] = null,
        ["params"] = new JsonObject(),
    });

    public static IResult Json(JsonNode body, int status = 200) => new NbiJsonResult(body, status);

    /// <summary>The framework's parameter-check answer for control APIs (reference 5.2.3 example 3, 6.4).</summary>
    public static IResult ParamError(string reason, string detail) => Json(new JsonObject
    {
        ["exceptionId"] = "framwork.remote.Paramerror",
        ["exceptionType"] = "ROA_EXFRAME_EXCEPTION",
        ["descArgs"] = null,
        ["reasonArgs"] = new JsonArray(reason),
        ["detailArgs"] = new JsonArray(detail),
        ["adviceArgs"] = null,
    }, 400);

    /// <summary>Writes JSON, cut short when the truncation quirk fires.</summary>
    private static readonly JsonSerializerOptions WireJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class NbiJsonResult(JsonNode body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var text = body.ToJsonString(WireJson);
            var quirks = httpContext.RequestServices.GetRequiredService<Quirks>();
            if (status == 200 && quirks.Roll(quirks.Current.TruncatedJsonRate)) text = text[..(text.Length / 2)];
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json;charset=UTF-8";
            await httpContext.Response.WriteAsync(text, Encoding.UTF8);
        }
    }
}
