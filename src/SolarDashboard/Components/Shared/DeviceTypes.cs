namespace SolarDashboard.Components.Shared;

/// <summary>Device type names of reference 5.1.1.2.</summary>
public static class DeviceTypes
{
    public static string Name(int typeId) => typeId switch
    {
        1 => "String inverter", 2 => "SmartLogger", 8 => "STS", 10 => "Environmental monitor (EMI)", 13 => "Protocol converter",
        16 => "General device", 17 => "Grid meter", 22 => "PID", 37 => "Pinnet data logger", 38 => "Residential inverter", 39 => "Battery",
        40 => "Backup box", 41 => "C&I ESS", 45 => "PLC", 46 => "Optimizer", 47 => "Power sensor", 62 => "Dongle", 63 => "Distributed SmartLogger",
        70 => "Safety box", 23070 => "EMMA", _ => $"Device type {typeId}",
    };
}
