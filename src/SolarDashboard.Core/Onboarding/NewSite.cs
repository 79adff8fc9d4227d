namespace SolarDashboard.Core.Onboarding;

/// <summary>A site to add: name, peak power (kWp), IANA time zone, and where it is (all but the first three optional).</summary>
public sealed record NewSite(string Name, double CapacityKwp, string TimeZoneId, string? Country = null, string? City = null, string? Address = null,
    double? Latitude = null, double? Longitude = null, DateOnly? InstallDate = null);
