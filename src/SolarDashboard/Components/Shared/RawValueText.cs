using System.Globalization;
using SolarDashboard.Core.RawValues;

namespace SolarDashboard.Components.Shared;

/// <summary>
/// How a labelled raw value reads, for any vendor: its state's name, an instant in plant time (UTC only when the plant's
/// zone is not known), a power scaled to its size, or the number with its unit; "—" when missing.
/// </summary>
public static class RawValueText
{
    public static string Of(LabelledValue value) => Of(value, null);

    public static string Of(LabelledValue value, string? timeZoneId) => value switch
    {
        { Value: null } => Format.Missing,
        { Kind: RawValueKind.State } => value.StateText ?? Format.Number(value.Value, 0),
        { Kind: RawValueKind.Time, Value: { } ms } => timeZoneId is null
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : Format.PlantTime(DateTimeOffset.FromUnixTimeMilliseconds((long)ms), timeZoneId),
        { Value: { } v } => Format.Power(v, value.Unit) ?? Format.Number(v, Math.Abs(v) >= 100 ? 1 : 2, value.Unit),
    };
}
