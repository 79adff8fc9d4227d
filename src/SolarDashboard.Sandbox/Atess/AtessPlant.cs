namespace SolarDashboard.Sandbox.Atess;

/// <summary>A power station of an account. Mutable through the API (modify plant); guarded by the fleet's lock.</summary>
internal sealed class AtessPlant
{
    public required long Id { get; init; }
    public required string Owner { get; init; }

    /// <summary>Weather and load key of the site in the simulated world (shared by its systems).</summary>
    public required int SiteIndex { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string Name { get; set; }
    public required string Country { get; set; }
    public required string City { get; set; }
    public required string Address { get; set; }
    public required double Latitude { get; set; }
    public required double Longitude { get; set; }
    public required TimeZoneInfo Zone { get; set; }
    public required double CapacityKwp { get; set; }
    public DateOnly? InstallDate { get; set; }

    /// <summary>Grid phase voltage and frequency at the site.</summary>
    public double PhaseVolts { get; init; } = 230;
    public double Hertz { get; init; } = 50;

    public List<string> DataLogs { get; } = [];
}
