namespace SolarDashboard.Core.Ingest;

/// <summary>A vendor's report of one period, its raw values as sent.</summary>
public sealed record ReportRow(Reports.ReportPeriod Period, DateTimeOffset StartsAt, IReadOnlyDictionary<string, double?> Values);
