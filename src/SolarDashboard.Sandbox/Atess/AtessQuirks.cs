using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>The ATESS quirks in force, switchable at run time through the admin endpoint; applies the ones that reshape data.</summary>
public sealed class AtessQuirks(SandboxOptions options)
{
    private static readonly HashSet<string> KeptFields = ["deviceSn", "time", "dataLogSn", "plantId"];
    private readonly object _gate = new();
    private readonly Random _random = new(options.Seed ^ 0x0A7E55);
    private AtessQuirkOptions _current = options.Atess.Quirks.Clone();

    public AtessQuirkOptions Current
    {
        get { lock (_gate) return _current.Clone(); }
        set { lock (_gate) _current = value.Clone(); }
    }

    public bool Roll(double rate)
    {
        if (rate <= 0) return false;
        lock (_gate) return _random.NextDouble() < rate;
    }

    /// <summary>Applies the data quirks to a success answer's <c>data</c>. <paramref name="paged"/>: data is a pager with rows in <c>datas</c>.</summary>
    public JsonNode? Shape(JsonNode? data, bool paged)
    {
        var q = Current;
        var objects = data switch
        {
            JsonObject pager when paged => pager["datas"]!.AsArray().OfType<JsonObject>().ToList(),
            JsonObject o => [o],
            JsonArray a => a.OfType<JsonObject>().ToList(),
            _ => [],
        };
        foreach (var o in objects)
        {
            if (q.MissingFieldRate > 0)
                foreach (var key in o.Select(p => p.Key).Where(k => !KeptFields.Contains(k)).ToList())
                    if (Roll(q.MissingFieldRate)) o.Remove(key);
            if (q.NumbersAsStrings)
                foreach (var key in o.Select(p => p.Key).ToList())
                    if (o[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                        o[key] = v.ToJsonString();
        }
        if (paged && q.RowsInData && data is JsonObject p2)
        {
            var rows = p2["datas"]!;
            p2.Remove("datas");
            return rows;
        }
        return data;
    }
}
