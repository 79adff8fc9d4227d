namespace SolarDashboard.Core.Queries;

/// <summary>A number with the instant it describes; stale when older than twice its normal refresh interval.</summary>
public sealed record AgedValue(double? Value, DateTimeOffset? CollectedAt, bool IsStale);
