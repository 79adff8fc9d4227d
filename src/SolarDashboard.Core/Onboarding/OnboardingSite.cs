namespace SolarDashboard.Core.Onboarding;

/// <summary>
/// A site of a connection as the cache knows it: its vendor key and cache id, name, zone, capacity, its loggers, and the
/// devices the dashboard stores for it (loggers excluded).
/// </summary>
public sealed record OnboardingSite(string Key, int PlantId, string Name, string TimeZoneId, double? CapacityKwp, string? Address,
    IReadOnlyList<OnboardingLogger> Loggers, int DeviceCount);
