using SolarDashboard.Core.Measures;
using SolarDashboard.Core.RawValues;

namespace SolarDashboard.Core.Queries;

/// <summary>
/// A device's latest values: every raw key, labelled and grouped by the vendor's catalogue (<see cref="Groups"/>; the
/// same values by key in <see cref="Values"/>), its standard measures, and the series a chart can show with the one to
/// open with.
/// </summary>
public sealed record DeviceTelemetry(DeviceSummary Device, IReadOnlyDictionary<string, double?> Values, IReadOnlyList<RawValueGroup> Groups,
    StandardValues Measures, IReadOnlyList<ChartChoice> Charts, string? DefaultChart, DateTimeOffset? CollectedAt, DateTimeOffset? ReceivedAt, bool IsStale);
