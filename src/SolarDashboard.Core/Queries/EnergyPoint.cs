using SolarDashboard.Core.Measures;

namespace SolarDashboard.Core.Queries;

/// <summary>A plant's standard energies in one plant-local period, combined from its own and its devices' reports.</summary>
public sealed record EnergyPoint(string LocalStart, DateTimeOffset StartsAt, StandardValues Energy);
