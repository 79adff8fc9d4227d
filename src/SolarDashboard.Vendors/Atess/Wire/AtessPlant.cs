namespace SolarDashboard.Vendors.Atess.Wire;

/// <summary>
/// A power station as the plant API describes it. <see cref="TimeZone"/> is an IANA id; <see cref="Capacity"/> kWp;
/// <see cref="InstallDate"/> <c>yyyy-MM-dd</c> and <see cref="CreateTime"/> <c>yyyy-MM-dd HH:mm:ss</c> as sent.
/// </summary>
public sealed record AtessPlant(long PlantId, string PlantName, string? TimeZone, string? Country, string? City, string? Address,
    double? Latitude, double? Longitude, double? Capacity, string? InstallDate, string? CreateTime);
