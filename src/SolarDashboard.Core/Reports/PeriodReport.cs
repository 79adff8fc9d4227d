namespace SolarDashboard.Core.Reports;

public enum ReportPeriod { Hour, Day, Month, Year }

/// <summary>
/// A plant or device report for one plant-local period (reference 5.1.4). <see cref="LocalStart"/> is the period's start
/// in plant time ("2026-06-17T13:00"), the key that makes re-ingesting the same answer replace rather than add.
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
    public required string ValuesJson { get; set; }
}
