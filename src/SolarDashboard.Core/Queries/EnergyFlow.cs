namespace SolarDashboard.Core.Queries;

/// <summary>Live power between PV, battery, grid and load, kW. Battery positive = charging; grid positive = importing.</summary>
public sealed record EnergyFlow(double? PvKw, double? BatteryKw, double? GridKw, double? LoadKw, DateTimeOffset? At, bool IsStale);
