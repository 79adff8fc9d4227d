using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Queries;

/// <summary>A device as lists show it: its role, the vendor's type as text and that type's name in the vendor's catalogue.</summary>
public sealed record DeviceSummary(int Id, int PlantId, string Name, DeviceRole Role, string VendorType, string TypeName, string? Model, string? Firmware,
    string? SerialNumber, DateTimeOffset? CollectedAt, bool IsStale);
