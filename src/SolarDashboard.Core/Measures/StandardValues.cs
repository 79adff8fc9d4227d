using System.Text.Json;

namespace SolarDashboard.Core.Measures;

/// <summary>
/// The standard measures of one plant, device or report: only keys of <see cref="StandardMeasure"/>, only finite numbers
/// (a missing measure is absent, never 0). Built by a vendor's mapping with <see cref="Set"/>, then read.
/// </summary>
public sealed class StandardValues
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

    public static StandardValues Empty => new();

    public double? this[StandardMeasure measure] => _values.TryGetValue(measure.Key, out var v) ? v : null;

    public Health Health => this[StandardMeasure.HealthState] is { } code && Enum.IsDefined((Health)(int)code) ? (Health)(int)code : Health.Unknown;

    public bool IsEmpty => _values.Count == 0;

    public IReadOnlyDictionary<string, double> AsDictionary => _values;

    /// <summary>Sets a measure; null or a non-finite number removes it.</summary>
    public StandardValues Set(StandardMeasure measure, double? value)
    {
        if (value is { } v && double.IsFinite(v)) _values[measure.Key] = v;
        else _values.Remove(measure.Key);
        return this;
    }

    public StandardValues Set(Health health) => health == Health.Unknown ? Set(StandardMeasure.HealthState, null) : Set(StandardMeasure.HealthState, (int)health);

    public bool Has(StandardMeasure measure) => _values.ContainsKey(measure.Key);

    public string ToJson() => JsonSerializer.Serialize(_values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary());

    /// <summary>Stored JSON back; keys that are not (or no longer) standard are dropped.</summary>
    public static StandardValues Parse(string? json)
    {
        var result = new StandardValues();
        if (string.IsNullOrEmpty(json)) return result;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, double?>>(json) ?? [])
            if (StandardMeasure.Find(key) is { } measure) result.Set(measure, value);
        return result;
    }

    public override string ToString() => ToJson();
}
