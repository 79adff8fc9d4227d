using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// A request body read the way the vendor reads it: field names case-insensitively (the reference itself writes both
/// devTypeId and devTypeid), numbers as JSON numbers or numeric strings ("beginTime":"1664553600000").
/// </summary>
public sealed class NbiRequest
{
    private readonly Dictionary<string, JsonNode?> _fields;

    private NbiRequest(JsonObject body)
    {
        Body = body;
        _fields = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in body) _fields.TryAdd(k, v);
    }

    public JsonObject Body { get; }

    public static async Task<NbiRequest?> ReadAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return node is JsonObject o ? new NbiRequest(o) : node is null ? new NbiRequest([]) : null;
        }
        catch (JsonException)
        {
            return request.ContentLength is 0 or null ? new NbiRequest([]) : null;
        }
    }

    public bool Has(string name) => _fields.TryGetValue(name, out var v) && v is not null && !(v is JsonValue jv && jv.TryGetValue<string>(out var s) && s.Length == 0);

    public JsonNode? Node(string name) => _fields.GetValueOrDefault(name);

    public string? String(string name)
    {
        if (!_fields.TryGetValue(name, out var v) || v is null) return null;
        if (v is JsonValue value)
        {
            if (value.TryGetValue<string>(out var s)) return s;
            return value.ToJsonString();
        }
        return null;
    }

    /// <summary>Comma-separated list ("a,b"), trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> List(string name) =>
        (String(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A number given as a JSON number or a numeric string; <c>null</c> when absent; <c>false</c> when unreadable.</summary>
    public bool TryLong(string name, out long? value)
    {
        value = null;
        if (!_fields.TryGetValue(name, out var v) || v is null) return true;
        if (v is not JsonValue jv) return false;
        if (jv.TryGetValue<long>(out var l)) { value = l; return true; }
        if (jv.TryGetValue<double>(out var d) && Math.Abs(d % 1) < 1e-9) { value = (long)d; return true; }
        if (jv.TryGetValue<string>(out var s))
        {
            if (s.Length == 0) return true;
            if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out l)) { value = l; return true; }
        }
        return false;
    }

    public static bool TryDouble(JsonNode? node, out double? value)
    {
        value = null;
        if (node is null) return true;
        if (node is not JsonValue jv) return false;
        if (jv.TryGetValue<double>(out var d)) { value = d; return true; }
        if (jv.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d)) { value = d; return true; }
        return false;
    }

    /// <summary>The request's own fields, echoed back in <c>params</c> as the vendor does.</summary>
    public JsonObject Echo(params string[] names)
    {
        var echo = new JsonObject();
        foreach (var name in names)
            if (_fields.TryGetValue(name, out var v))
                echo[KeyAsSent(name)] = v?.DeepClone();
        return echo;
    }

    private string KeyAsSent(string name) => Body.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
}
