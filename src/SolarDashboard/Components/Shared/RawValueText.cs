using System.Globalization;
using SolarDashboard.Core.RawValues;

namespace SolarDashboard.Components.Shared;

/// <summary>How a labelled raw value reads, for any vendor: its state's name, an instant in UTC, or the number with its unit; "—" when missing.</summary>
public static class RawValueText
{
    public static string Of(LabelledValue value) => value switch
    {
        { Value: null } => Format.Missing,
        { Kind: RawValueKind.State } => value.StateText ?? Format.Number(value.Value, 0),
        { Kind: RawValueKind.Time, Value: { } ms } => DateTimeOffset.FromUnixTimeMilliseconds((long)ms).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        { Value: { } v } => Format.Number(v, Math.Abs(v) >= 100 ? 1 : 2, value.Unit),
    };
}
