namespace SolarDashboard.Core.Control;

/// <summary>
/// One setting of a device as read: the vendor's name, its label and unit from the vendor's catalogue, the current value,
/// and the range a new value must be in. No <see cref="Limit"/>: the catalogue does not know it, so it is shown read-only.
/// </summary>
public sealed record DeviceSetting(string Key, string Label, string? Unit, double? Value, FieldLimit? Limit)
{
    public bool ReadOnly => Limit is null;
}
