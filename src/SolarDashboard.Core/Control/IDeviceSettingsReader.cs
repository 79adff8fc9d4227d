using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Control;

/// <summary>A vendor that reads a device's current settings (the change itself goes through the control ledger).</summary>
public interface IDeviceSettingsReader
{
    Vendor Vendor { get; }

    /// <summary>Whether this device has settings the vendor can read (without calling it).</summary>
    bool HasSettings(Device device);

    /// <summary>The device's current settings with their labels, units and ranges; a failure comes back as <see cref="DeviceSettingsRead.Problem"/>.</summary>
    Task<DeviceSettingsRead> ReadAsync(VendorConnection connection, Device device, CancellationToken ct);
}
