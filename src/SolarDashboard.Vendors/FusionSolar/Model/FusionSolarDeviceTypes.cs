using System.Globalization;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Vendors.FusionSolar.Model;

/// <summary>
/// The devTypeId values of reference 5.1.1.2 the dashboard reasons about, their names and roles. Core keeps a device's
/// type as text (<see cref="Device.VendorType"/>) and its devId as text (<see cref="Device.VendorKey"/>); these read them back.
/// </summary>
public static class FusionSolarDeviceTypes
{
    public const int StringInverter = 1, SmartLogger = 2, EnvironmentalMonitor = 10, GridMeter = 17, ResidentialInverter = 38, Battery = 39,
        CommercialEss = 41, PowerSensor = 47, Dongle = 62, DistributedSmartLogger = 63, Emma = 23070;

    public static readonly int[] Inverters = [StringInverter, ResidentialInverter];
    public static readonly int[] Batteries = [Battery, CommercialEss];

    public static DeviceRole RoleOf(int typeId) => typeId switch
    {
        StringInverter or ResidentialInverter => DeviceRole.Inverter,
        Battery or CommercialEss => DeviceRole.Battery,
        GridMeter => DeviceRole.Meter,
        PowerSensor => DeviceRole.PowerSensor,
        SmartLogger or Dongle or DistributedSmartLogger or Emma or 37 => DeviceRole.Logger,
        _ => DeviceRole.Other,
    };

    public static string Name(int typeId) => typeId switch
    {
        1 => "String inverter", 2 => "SmartLogger", 8 => "STS", 10 => "Environmental monitor (EMI)", 13 => "Protocol converter",
        16 => "General device", 17 => "Grid meter", 22 => "PID", 37 => "Pinnet data logger", 38 => "Residential inverter", 39 => "Battery",
        40 => "Backup box", 41 => "C&I ESS", 45 => "PLC", 46 => "Optimizer", 47 => "Power sensor", 62 => "Dongle", 63 => "Distributed SmartLogger",
        70 => "Safety box", 23070 => "EMMA", _ => $"Device type {typeId}",
    };

    /// <summary>The devTypeId of a stored type (0 when it is not a number, which FusionSolar never sends).</summary>
    public static int Parse(string vendorType) => int.TryParse(vendorType, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0;

    public static int TypeOf(Device device) => Parse(device.VendorType);

    public static string Text(int typeId) => typeId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The devId of a stored device (its key as text).</summary>
    public static long DevIdOf(Device device) => long.Parse(device.VendorKey, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static string Key(long devId) => devId.ToString(CultureInfo.InvariantCulture);
}
