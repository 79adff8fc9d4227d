namespace SolarDashboard.Core.Plants;

/// <summary>
/// A plant's standard values combined from its devices (<see cref="Measures.PlantAggregation"/>) with their ages, health
/// and active alarm counts: kept by the ingest whenever one of them changes, so the plant list, the fleet totals and the
/// navigation's alarm count read one row per plant however large the fleet. Name, place and capacity stay in
/// <see cref="Plant"/> (one source of truth); the list joins them.
/// </summary>
public sealed class PlantSummaryRow
{
    public int PlantId { get; set; }
    public Measures.Health Health { get; set; }

    public double? PvKw { get; set; }
    public double? BatteryKw { get; set; }
    public double? GridKw { get; set; }
    public double? LoadKw { get; set; }

    /// <summary>When the oldest reading behind the powers was measured.</summary>
    public DateTimeOffset? PowerAt { get; set; }

    public double? Soc { get; set; }
    public DateTimeOffset? SocAt { get; set; }

    /// <summary>PV yield since plant-local midnight of <see cref="EnergyDate"/>.</summary>
    public double? PvKwhToday { get; set; }

    /// <summary>The plant-local day ("yyyy-MM-dd") today's energies count; after midnight they read as 0 until new data comes.</summary>
    public string? EnergyDate { get; set; }

    /// <summary>When the oldest reading behind the PV energies (today's and lifetime) was measured.</summary>
    public DateTimeOffset? EnergyAt { get; set; }

    /// <summary>When the plant's latest data was measured: its own values when the vendor reports any, else its newest device's.</summary>
    public DateTimeOffset? DataCollectedAt { get; set; }

    public int AlarmsCritical { get; set; }
    public int AlarmsMajor { get; set; }
    public int AlarmsMinor { get; set; }
    public int AlarmsWarning { get; set; }

    /// <summary>Every combined standard measure (<see cref="Measures.StandardValues"/> JSON).</summary>
    public required string StandardJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
