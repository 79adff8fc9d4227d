using System.Text.Json;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// A generation-data body as received (reference "Send Generation Data"): <c>Data[]</c> of <c>Timestamp</c>,
/// <c>PeriodProductionInKWh</c> and <c>AccumulatedPowerInKWh</c> (or the newer <c>AccumulatedEnergyInKWh</c>), all
/// strings; <c>FrequencyType</c>; <c>RemoteInvId</c>. Null members are treated as missing.
/// </summary>
public sealed record RedexGenerationRequest(string? RemoteInvId, string? FrequencyType, IReadOnlyList<RedexGenerationRecord>? Data)
{
    public const string AccumulatedPower = "AccumulatedPowerInKWh";
    public const string AccumulatedEnergy = "AccumulatedEnergyInKWh";

    /// <summary>The request, or why its shape is not the documented one (a 400).</summary>
    public static (RedexGenerationRequest? Request, string? Error) Parse(JsonElement root)
    {
        var (remoteInvId, e1) = RedexJson.String(root, "RemoteInvId", "RemoteInvId");
        var (frequency, e2) = RedexJson.String(root, "FrequencyType", "FrequencyType");
        if ((e1 ?? e2) is { } error) return (null, error);
        if (!RedexJson.TryGet(root, "Data", out var data) || data.ValueKind == JsonValueKind.Null) return (new(remoteInvId, frequency, null), null);
        if (data.ValueKind != JsonValueKind.Array) return (null, "Data must be a JSON array");

        var records = new List<RedexGenerationRecord>(data.GetArrayLength());
        foreach (var item in data.EnumerateArray())
        {
            var key = $"Data[{records.Count}]";
            if (item.ValueKind != JsonValueKind.Object) return (null, $"{key} must be a JSON object");
            var (timestamp, r1) = RedexJson.String(item, "Timestamp", $"{key}.Timestamp");
            var (period, r2) = RedexJson.String(item, "PeriodProductionInKWh", $"{key}.PeriodProductionInKWh");
            var (power, r3) = RedexJson.String(item, AccumulatedPower, $"{key}.{AccumulatedPower}");
            var (energy, r4) = RedexJson.String(item, AccumulatedEnergy, $"{key}.{AccumulatedEnergy}");
            if ((r1 ?? r2 ?? r3 ?? r4) is { } recordError) return (null, recordError);
            records.Add(new RedexGenerationRecord(timestamp, period, power, energy));
        }
        return (new(remoteInvId, frequency, records), null);
    }
}
