namespace SolarDashboard.Vendors.Atess.Wire;

/// <summary>
/// The body of "add power station" and "modify the basic information of the power station". Null fields are left
/// out of the request (on modify: left as they are). <see cref="TimeZone"/> is an IANA id, <see cref="Capacity"/> kWp.
/// </summary>
public sealed record AtessPlantInput(string? PlantName = null, string? TimeZone = null, string? Country = null, string? City = null,
    string? Address = null, double? Latitude = null, double? Longitude = null, double? Capacity = null, DateOnly? InstallDate = null);
