using SolarDashboard.Core.Control;

namespace SolarDashboard.Vendors.Atess.Control;

/// <summary>
/// A device's settings read back with GET: the evidence of whether a change arrived. Null values: nothing could be read
/// (the 5-minute limit, no answer), so the ledger waits.
/// </summary>
public sealed class AtessSettingEvidence(DateTimeOffset? readAt, IReadOnlyDictionary<string, double?>? values) : IControlEvidence
{
    public DateTimeOffset? MeasuredAt(ControlParameters parameters) => values is null ? null : readAt;

    public (bool? Arrived, string Note) ShowsArrival(ControlParameters parameters) => Compare(parameters);

    public (bool? Seen, string Note) ShowsEffect(ControlParameters parameters, double? chargedKwh, double? dischargedKwh) => Compare(parameters);

    private (bool?, string) Compare(ControlParameters parameters)
    {
        if (parameters is not DeviceSettingParameters p || values is null) return (null, "the device's settings could not be read.");
        var (same, differ) = Match(p, values);
        return differ.Count == 0 ? (true, "read back: " + same) : (false, "read back: " + string.Join(", ", differ));
    }

    /// <summary>The changes as the device reports them: a summary when all match, else each one that differs.</summary>
    public static (string Same, List<string> Differ) Match(DeviceSettingParameters p, IReadOnlyDictionary<string, double?> values)
    {
        var differ = new List<string>();
        foreach (var (key, wanted) in p.Changes)
        {
            var now = values.GetValueOrDefault(key);
            // The device keeps volts to 0.01 and the rest to 0.1 or whole numbers.
            if (now is not { } v || Math.Abs(v - wanted) > 0.005) differ.Add($"{key} is {(now is { } n ? FieldLimit.Num(n) : "missing")}, not {FieldLimit.Num(wanted)}");
        }
        return (string.Join(", ", p.Changes.Select(c => $"{c.Key} = {FieldLimit.Num(c.Value)}")), differ);
    }
}
