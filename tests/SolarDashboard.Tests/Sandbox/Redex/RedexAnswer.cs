using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>A REDEX answer: HTTP status, the envelope (null when the body is not JSON), headers and the raw text.</summary>
public sealed record RedexAnswer(HttpStatusCode Status, JsonObject? Body, HttpResponseHeaders Headers, string Text)
{
    public JsonObject Data => Body!["Data"]!.AsObject();
    public string Message => Body!["Message"]!.GetValue<string>();
    public int StatusCode => Body!["StatusCode"]!.GetValue<int>();

    /// <summary>The 422 answer's errors as (Key, Message).</summary>
    public IReadOnlyList<(string Key, string Message)> Errors =>
        [.. Body!["Errors"]!.AsArray().Select(e => (e!["Key"]!.GetValue<string>(), e["Message"]!.GetValue<string>()))];

    public string ProcessId => Data["ProcessId"]!.GetValue<string>();
}
