namespace SolarDashboard.Core.Ingest;

/// <summary>
/// Raw values of a plant or device at <see cref="CollectedAt"/>. <see cref="IntervalStart"/> is the start of the 5-minute
/// interval they describe, when it differs (real-time values describe the interval that just ended). The standard
/// measures are computed from them at ingest by the vendor's mapping.
/// </summary>
public sealed record KpiSnapshot(DateTimeOffset CollectedAt, IReadOnlyDictionary<string, double?> Values, DateTimeOffset? IntervalStart = null);
