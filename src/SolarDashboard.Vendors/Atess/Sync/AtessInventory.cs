using System.Text.Json;
using System.Text.Json.Serialization;

namespace SolarDashboard.Vendors.Atess.Sync;

/// <summary>
/// What discovery learned that the cache's plants and devices do not hold, kept with the sync state so that a restart
/// does not have to rediscover before reading: each datalog's plant, contact and the time it was added, and each
/// device's family (its API paths) and datalog.
/// </summary>
internal sealed class AtessInventory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Dictionary<string, DataLogEntry> DataLogs { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceEntry> Devices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A datalog: its plant's vendor key, whether it lost contact, and when it was added (history starts there).</summary>
    public sealed record DataLogEntry(string PlantKey, bool Lost, DateTimeOffset? AddedAt);

    public sealed record DeviceEntry(AtessFamily Family, string DataLogSn);

    public bool IsLost(string deviceSn) =>
        Devices.TryGetValue(deviceSn, out var d) && DataLogs.TryGetValue(d.DataLogSn, out var l) && l.Lost;

    public DateTimeOffset? AddedAt(string deviceSn) =>
        Devices.TryGetValue(deviceSn, out var d) && DataLogs.TryGetValue(d.DataLogSn, out var l) ? l.AddedAt : null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AtessInventory Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return new();
        try
        {
            var inventory = JsonSerializer.Deserialize<AtessInventory>(json, Json) ?? new();
            inventory.DataLogs = new(inventory.DataLogs, StringComparer.Ordinal);
            inventory.Devices = new(inventory.Devices, StringComparer.Ordinal);
            return inventory;
        }
        catch (JsonException)
        {
            return new(); // rediscovered on the next round
        }
    }
}
