namespace SolarDashboard.Vendors.Atess.Wire;

/// <summary>A device's settings as "get setting" answers them: each setting's name and current value.</summary>
public sealed record AtessSettings(string? DeviceSn, IReadOnlyDictionary<string, double?> Values);
