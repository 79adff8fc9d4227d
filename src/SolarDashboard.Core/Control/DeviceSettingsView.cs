namespace SolarDashboard.Core.Control;

/// <summary>What the settings page of a device shows: the device, its settings as read, and whether a change may be sent now.</summary>
public sealed record DeviceSettingsView(
    int DeviceId, string DeviceName, string DeviceKey, int PlantId, string PlantName,
    DeviceSettingsRead Read, string? ChangeProblem, int? RunningTaskId);
