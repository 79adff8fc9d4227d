using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Ingest;

/// <summary>
/// A device as any vendor describes it: its key and type as the vendor spells them (text), and the role the vendor's
/// mapping gives that type.
/// </summary>
public sealed record DeviceInfo(string PlantVendorKey, string VendorKey, string? SerialNumber, string Name, DeviceRole Role, string VendorType,
    string? Model, string? Firmware, int? Optimizers);
