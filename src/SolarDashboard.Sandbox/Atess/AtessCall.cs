using System.Globalization;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>One authenticated API call: who calls, in which language, and the answers it can give.</summary>
internal sealed class AtessCall(HttpContext http, string account, string endpoint, AtessFleet fleet, AtessQuirks quirks, AcquisitionLimit limit)
{
    public HttpContext Http { get; } = http;
    public string Account { get; } = account;
    public AtessFleet Fleet { get; } = fleet;
    public string Language { get; } = AtessText.Language(http.Request.Headers.AcceptLanguage);

    public string? Query(string name)
    {
        var v = Http.Request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    public IResult Ok(JsonNode? data, bool paged = false)
    {
        var q = quirks.Current;
        return AtessResults.Envelope(q.SuccessCode200 ? 200 : AtessResults.Success, quirks.Shape(data, paged), q.SuccessCode200 ? "" : Text("ok"));
    }

    public IResult Fail(int code, string key, params object[] args) => AtessResults.Envelope(code, null, Text(key, args));

    public IResult Invalid(string key, params object[] args) => Fail(AtessResults.Fail, key, args);

    public IResult NotFound(string what) => Fail(AtessResults.NotFound, "notFound", what);

    public IResult NoAccess() => Fail(AtessResults.NoAccess, "noAccess");

    public string Text(string key, params object[] args) => AtessText.Format(Language, key, args);

    /// <summary>Spends this call's acquisition budget for <paramref name="target"/>; null when allowed, else the refusal.</summary>
    public IResult? Acquire(string target)
    {
        if (limit.TryAcquire(Account, endpoint, target) is not { } wait) return null;
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        return Fail(AtessResults.TooFrequent, "frequency", seconds.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A required whole-number query parameter.</summary>
    public (long Value, IResult? Error) RequiredLong(string name)
    {
        var text = Query(name);
        if (text is null) return (0, Invalid("required", name));
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? (v, null) : (0, Invalid("badNumber", name));
    }

    public async Task<JsonObject?> BodyAsync()
    {
        try
        {
            return await JsonNode.ParseAsync(Http.Request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
