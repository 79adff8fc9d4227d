namespace SolarDashboard.Core.Control;

/// <summary>A device's settings as last read from its vendor, when, and why a fresh read failed (the last values stay).</summary>
public sealed record DeviceSettingsRead(IReadOnlyList<DeviceSetting> Settings, DateTimeOffset? ReadAt, string? Problem);
