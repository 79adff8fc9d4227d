namespace SolarDashboard.Vendors.Atess.Wire;

/// <summary>
/// One upload of a device (a history row or the latest data): its serial, its plant-local <see cref="Time"/> as sent
/// (<c>yyyy-MM-dd HH:mm:ss</c>), and every other field as a number (strings such as "352.1" read as numbers; a value
/// that is no number is kept as null, so the key still shows).
/// </summary>
public sealed record AtessRow(string? DeviceSn, string? Time, IReadOnlyDictionary<string, double?> Values);
