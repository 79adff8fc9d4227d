using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Monitoring;

/// <summary>The plant list's search and filters: name or address contains the text, and the health, vendor and connection match.</summary>
public sealed record PlantFilter(string Search = "", Health? Health = null, string? Vendor = null, int? ConnectionId = null)
{
    public bool Matches(PlantSummary p) =>
        (Search.Length == 0 || p.Name.Contains(Search, StringComparison.OrdinalIgnoreCase) || (p.Address?.Contains(Search, StringComparison.OrdinalIgnoreCase) ?? false))
        && (Health is null || p.Health == Health) && (Vendor is null || p.Vendor == Vendor) && (ConnectionId is null || p.ConnectionId == ConnectionId);

    public IReadOnlyList<PlantSummary> Apply(IEnumerable<PlantSummary> plants) => plants.Where(Matches).ToList();
}
