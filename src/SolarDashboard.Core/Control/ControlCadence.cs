namespace SolarDashboard.Core.Control;

/// <summary>
/// How a vendor runs a delivered task: it re-evaluates it every <paramref name="CheckInterval"/>, so status checks land
/// <paramref name="CheckMargin"/> after those marks; after <paramref name="VendorTimeout"/> it should report an end.
/// </summary>
public sealed record ControlCadence(TimeSpan CheckInterval, TimeSpan CheckMargin, TimeSpan VendorTimeout);
