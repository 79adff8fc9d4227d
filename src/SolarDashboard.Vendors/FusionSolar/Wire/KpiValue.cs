using System.Globalization;
using System.Text.Json;

namespace SolarDashboard.Vendors.FusionSolar.Wire;

/// <summary>
/// Reads the vendor's loose values: numbers arrive as JSON numbers or as strings ("900.000"); null, "" and "N/A" all
/// mean missing. Anything else unreadable is treated as missing rather than as an error.
/// </summary>
public static class KpiValue
{
    public static double? Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => ParseNumber(e.GetString()),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };

    public static double? ParseNumber(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        if (s.Equals("N/A", StringComparison.OrdinalIgnoreCase) || s.Equals("null", StringComparison.OrdinalIgnoreCase) || s == "-") return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }

    /// <summary>An integer, exact when it is one (ids of 16 digits and more do not survive a trip through double).</summary>
    public static long? Long(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt64(out var exact) => exact,
        JsonValueKind.String when long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exact) => exact,
        _ => Number(e) is { } d ? (long)Math.Round(d) : null,
    };

    public static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() is { Length: > 0 } s && s != "N/A" ? s : null,
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };

    /// <summary>A property by name (case-insensitive, as the vendor's own spelling varies), or default.</summary>
    public static JsonElement Get(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object) return default;
        if (obj.TryGetProperty(name, out var exact)) return exact;
        foreach (var p in obj.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return default;
    }

    /// <summary>A dataItemMap with every key kept, known or not.</summary>
    public static IReadOnlyDictionary<string, double?> Map(JsonElement map)
    {
        var result = new Dictionary<string, double?>(StringComparer.Ordinal);
        if (map.ValueKind != JsonValueKind.Object) return result;
        foreach (var p in map.EnumerateObject()) result[p.Name] = Number(p.Value);
        return result;
    }
}
