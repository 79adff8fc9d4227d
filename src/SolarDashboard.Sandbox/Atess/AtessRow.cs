using System.Globalization;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>Collects an answer object's values, then writes them in a field list's order, refusing to leave a field out.</summary>
internal sealed class AtessRow
{
    private readonly Dictionary<string, JsonNode?> _values = [];

    /// <summary>A number rounded to <paramref name="decimals"/> (never "-0").</summary>
    public AtessRow N(string key, double value, int decimals = 2)
    {
        var v = Math.Round(value, decimals);
        _values[key] = JsonValue.Create(v == 0 ? 0 : v);
        return this;
    }

    public AtessRow I(string key, long value)
    {
        _values[key] = JsonValue.Create(value);
        return this;
    }

    /// <summary>A number the reference types as a string ("352.1").</summary>
    public AtessRow NS(string key, double value, int decimals = 1)
    {
        var v = Math.Round(value, decimals);
        _values[key] = JsonValue.Create((v == 0 ? 0 : v).ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public AtessRow S(string key, string? value)
    {
        _values[key] = value is null ? null : JsonValue.Create(value);
        return this;
    }

    public AtessRow B(string key, bool value)
    {
        _values[key] = JsonValue.Create(value);
        return this;
    }

    public JsonObject Emit(IReadOnlyList<string> fields)
    {
        var o = new JsonObject();
        foreach (var f in fields)
        {
            if (!_values.TryGetValue(f, out var v)) throw new InvalidOperationException($"Field {f} has no value.");
            o[f] = v;
        }
        return o;
    }
}
