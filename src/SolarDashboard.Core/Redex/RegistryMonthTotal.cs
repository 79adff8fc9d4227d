namespace SolarDashboard.Core.Redex;

/// <summary>A plant-local month of one inverter: what was sent (kWh, current versions) and how many days succeeded.</summary>
public sealed record RegistryMonthTotal(int Year, int Month, decimal SentKwh, int DaysSent, int DaysSucceeded);
