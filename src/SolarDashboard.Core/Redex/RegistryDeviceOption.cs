namespace SolarDashboard.Core.Redex;

/// <summary>A device an admin may register: inverters and hybrid inverters of every vendor, not registered yet.</summary>
public sealed record RegistryDeviceOption(int DeviceId, string Label);
