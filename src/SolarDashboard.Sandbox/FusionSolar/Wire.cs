using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>Wire formats shared by the NBI answers.</summary>
public static class Wire
{
    /// <summary>Counters that only grow over a device's life (the midnight-dip quirk touches these).</summary>
    public static readonly string[] LifetimeCounterKeys = ["total_cap", "mppt_total_cap", "active_cap", "reverse_active_cap"];

    /// <summary>"2020-02-06T00:00:00+08:00" in the plant's zone.</summary>
    public static string Time(DateTimeOffset utc, SimPlant plant) =>
        plant.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The midnight-dip quirk: between 23:55 and 00:10 plant time, lifetime counters read 2 % low.</summary>
    public static Dictionary<string, double?> WithCounterDip(NbiCall call, SimPlant plant, Dictionary<string, double?> map, string[] keys, DateTimeOffset? at = null)
    {
        if (!call.Quirks.Current.MidnightCounterDip) return map;
        var local = plant.ToLocal(at ?? DateTimeOffset.FromUnixTimeMilliseconds(call.Now)).TimeOfDay;
        if (local < TimeSpan.FromMinutes(10) || local >= new TimeSpan(23, 55, 0))
            foreach (var key in keys)
                if (map.TryGetValue(key, out var v) && v is { } value)
                    map[key] = Math.Round(value - Math.Max(1, value * 0.02), 2);
        return map;
    }
}
