using SolarDashboard.Core.Measures;

namespace SolarDashboard.Core.Queries;

/// <summary>One stored report: its raw values as the vendor sent them and its standard energies.</summary>
public sealed record ReportPoint(string LocalStart, DateTimeOffset StartsAt, IReadOnlyDictionary<string, double?> Values, StandardValues Energy);
