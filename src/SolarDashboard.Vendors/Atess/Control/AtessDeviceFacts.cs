using SolarDashboard.Vendors.Atess.Model;

namespace SolarDashboard.Vendors.Atess.Control;

/// <summary>What a setting's range depends on: the device's kind, its inverter rating (kW, from the model) and the battery's racks.</summary>
public sealed record AtessDeviceFacts(AtessKind Kind, double? RatedKw, int Racks)
{
    /// <summary>From the device's vendor type and the types of its plant's devices (racks are the plant's BCUs).</summary>
    public static AtessDeviceFacts Of(string vendorType, IEnumerable<string> plantTypes) =>
        new(AtessDeviceTypes.KindOf(vendorType), AtessSettingCatalogue.RatingOf(vendorType),
            Math.Max(1, plantTypes.Count(t => AtessDeviceTypes.KindOf(t) == AtessKind.Bcu)));
}
