namespace SolarDashboard.Vendors.FusionSolar.Wire;

/// <summary>A device of the device list (reference 5.1.1.2).</summary>
public sealed record NbiDevice(long Id, string? Dn, string Name, string StationCode, string? Sn, int TypeId, string? SoftwareVersion,
    string? Model, int? OptimizerNumber);
