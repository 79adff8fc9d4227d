using System.Text.Json;

namespace SolarDashboard.Core.Plants;

/// <summary>Stored raw values: every key the vendor sent, as JSON {"key": number|null}.</summary>
public static class KpiJson
{
    public static IReadOnlyDictionary<string, double?> Parse(string json) => JsonSerializer.Deserialize<Dictionary<string, double?>>(json) ?? [];

    public static string Serialize(IReadOnlyDictionary<string, double?> values) => JsonSerializer.Serialize(values);
}
