using System.Text.Json;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// Reads request bodies. Property names match case-insensitively, as an ASP.NET Core server binds them; values keep
/// their JSON type, so a number where the reference shows a string is told apart.
/// </summary>
public static class RedexJson
{
    /// <summary>The body as a JSON object, or null when it is not one.</summary>
    public static async Task<JsonDocument?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>A string member: (value, null), (null, null) when absent or null, or (null, error) when of another JSON type.</summary>
    public static (string? Value, string? Error) String(JsonElement obj, string name, string key)
    {
        if (!TryGet(obj, name, out var value) || value.ValueKind == JsonValueKind.Null) return (null, null);
        return value.ValueKind == JsonValueKind.String ? (value.GetString(), null) : (null, $"{key} must be a JSON string");
    }
}
