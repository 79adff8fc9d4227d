namespace SolarDashboard.Core.Reports;

/// <summary>
/// A plant or device report for one plant-local period. <see cref="LocalStart"/> is the period's start in plant time
/// ("2026-06-17T13:00"), the key that makes re-ingesting the same answer replace rather than add.
/// </summary>
public sealed class PeriodReport
{
    public int Id { get; set; }
    public int? PlantId { get; set; }
    public int? DeviceId { get; set; }
    public ReportPeriod Period { get; set; }
    public required string LocalStart { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Every key the vendor sent, as JSON {"key": number|null}.</summary>
    public required string ValuesJson { get; set; }

    /// <summary>The period's standard energies by the vendor's mapping; null only on rows stored before they existed, until backfilled.</summary>
    public string? StandardJson { get; set; }
}
