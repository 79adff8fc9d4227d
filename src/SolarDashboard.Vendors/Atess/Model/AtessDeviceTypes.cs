using SolarDashboard.Core.Plants;

namespace SolarDashboard.Vendors.Atess.Model;

/// <summary>
/// An ATESS device's vendor type is its model as base info gives it ("HPS150HV", "PCS100", "PBD250"), prefixed with
/// its family when the model does not start with it; BMS racks and master BMS are "BCU" and "MBMS" (their base info
/// has no model); a datalog is "DataLog". So the type alone tells the family, and <c>…HV</c> the HPS models with the
/// extra bipolar PV fields.
/// </summary>
public static class AtessDeviceTypes
{
    public const string DataLog = "DataLog";

    public static string VendorType(AtessFamily family, string? model)
    {
        var prefix = family switch
        {
            AtessFamily.HpsCentral or AtessFamily.HpsString => "HPS",
            AtessFamily.Pcs => "PCS",
            AtessFamily.Pbd => "PBD",
            AtessFamily.Bcu => "BCU",
            _ => "MBMS",
        };
        model = model?.Trim();
        if (family is AtessFamily.Bcu or AtessFamily.Mbms || string.IsNullOrEmpty(model)) return prefix;
        var type = model.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? model : prefix + " " + model;
        return type.Length <= 40 ? type : type[..40];
    }

    public static AtessKind KindOf(string vendorType) => vendorType switch
    {
        DataLog => AtessKind.DataLog,
        "BCU" => AtessKind.Bcu,
        "MBMS" => AtessKind.Mbms,
        _ when vendorType.StartsWith("HPS", StringComparison.OrdinalIgnoreCase) => AtessKind.Hps,
        _ when vendorType.StartsWith("PCS", StringComparison.OrdinalIgnoreCase) => AtessKind.Pcs,
        _ when vendorType.StartsWith("PBD", StringComparison.OrdinalIgnoreCase) => AtessKind.Pbd,
        _ => AtessKind.Other,
    };

    /// <summary>HPS100HV and HPS150HV: PV1 in <c>ppv</c>, the total in <c>ppv1</c>, bipolar PV voltages.</summary>
    public static bool IsHighVoltage(string vendorType) =>
        KindOf(vendorType) == AtessKind.Hps && vendorType.EndsWith("HV", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// HPS: PV, battery and grid in one unit. PCS: a battery inverter that carries the battery, the grid and the load of a
    /// system whose PV comes in through a PBD, so it counts where a hybrid inverter does (a plant may have both).
    /// </summary>
    public static DeviceRole RoleOf(string vendorType) => KindOf(vendorType) switch
    {
        AtessKind.Hps or AtessKind.Pcs => DeviceRole.HybridInverter,
        AtessKind.Pbd => DeviceRole.DcConverter,
        AtessKind.Mbms => DeviceRole.Battery,
        AtessKind.Bcu => DeviceRole.BmsRack,
        AtessKind.DataLog => DeviceRole.Logger,
        _ => DeviceRole.Other,
    };

    public static string Name(string vendorType) => KindOf(vendorType) switch
    {
        AtessKind.Hps => $"{vendorType} hybrid inverter",
        AtessKind.Pcs => $"{vendorType} battery inverter (PCS)",
        AtessKind.Pbd => $"{vendorType} PV DC converter (PBD)",
        AtessKind.Bcu => "BCU battery rack",
        AtessKind.Mbms => "MBMS master BMS",
        AtessKind.DataLog => "Datalog",
        _ => vendorType,
    };
}
