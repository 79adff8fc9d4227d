using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Measures;

/// <summary>One source of a plant's standard values: a device by its role, or the plant itself (<see cref="Role"/> null).</summary>
public sealed record MeasureReading(DeviceRole? Role, StandardValues Values, DateTimeOffset At);
