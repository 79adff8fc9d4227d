namespace SolarDashboard.Core.RawValues;

/// <summary>A vendor's raw key as its catalogue describes it: the group it is shown in, its label and unit.</summary>
public sealed record RawValueInfo(string Key, string Group, string Label, string Unit, RawValueKind Kind = RawValueKind.Number)
{
    /// <summary>The group of keys a catalogue does not know; they are shown as they came.</summary>
    public const string OtherGroup = "Other";

    public static RawValueInfo Unknown(string key) => new(key, OtherGroup, key, "");
}
