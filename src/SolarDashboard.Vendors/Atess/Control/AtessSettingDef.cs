using SolarDashboard.Core.Control;

namespace SolarDashboard.Vendors.Atess.Control;

/// <summary>
/// One writable ATESS setting: the wire name, its label and unit, whole numbers only or not, and its range for a device
/// (the inverter's rating in kW, the battery's rack count), with where a device-dependent bound comes from.
/// </summary>
public sealed record AtessSettingDef(string Key, string Label, string Unit, bool Whole, Func<AtessDeviceFacts, (double Min, double Max)> Range, string? Source = null)
{
    /// <summary>The bounds for this device; missing when they depend on a rating the device's model does not name.</summary>
    public FieldLimit Limit(AtessDeviceFacts device)
    {
        var name = char.ToLowerInvariant(Label[0]) + Label[1..];
        var needsRating = Source == AtessSettingCatalogue.RatingSource;
        if (needsRating && device.RatedKw is null)
            return new FieldLimit(name, Unit, 0, 0, AtessSettingCatalogue.Section, Source, Whole) { Missing = "the inverter's rating is not known (its model names none)." };
        var (min, max) = Range(device);
        return new FieldLimit(name, Unit, min, max, AtessSettingCatalogue.Section, Source, Whole);
    }
}
