using System.Globalization;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>The opt-in misbehaviours of the real service, switchable at run time through the admin endpoint.</summary>
public sealed class Quirks(SandboxOptions options)
{
    private readonly object _gate = new();
    private readonly Random _random = new(options.Seed);
    private QuirkOptions _current = options.Quirks.Clone();

    public QuirkOptions Current
    {
        get { lock (_gate) return _current.Clone(); }
        set { lock (_gate) _current = value.Clone(); }
    }

    public bool Roll(double rate)
    {
        if (rate <= 0) return false;
        lock (_gate) return _random.NextDouble() < rate;
    }

    /// <summary>Builds a dataItemMap, applying the value quirks that are switched on.</summary>
    public JsonObject Map(IReadOnlyDictionary<string, double?> values)
    {
        var q = Current;
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            if (q.MissingValueRate > 0 && Roll(q.MissingValueRate))
            {
                int pick;
                lock (_gate) pick = _random.Next(3);
                map[key] = pick switch { 0 => null, 1 => "", _ => "N/A" };
                continue;
            }
            map[key] = value is not { } v ? null
                : q.NumbersAsStrings ? JsonValue.Create(v.ToString("0.000", CultureInfo.InvariantCulture))
                : JsonValue.Create(v);
        }
        return map;
    }
}
