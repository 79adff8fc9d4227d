using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Onboarding;

/// <summary>A device behind a logger: its cache id (for a link), serial, name and role.</summary>
public sealed record OnboardingDevice(int DeviceId, string Serial, string Name, DeviceRole Role);
