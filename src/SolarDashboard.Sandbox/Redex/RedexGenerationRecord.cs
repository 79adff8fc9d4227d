namespace SolarDashboard.Sandbox.Redex;

/// <summary>One entry of a request's <c>Data</c>, as sent, with both spellings of the accumulated value.</summary>
public sealed record RedexGenerationRecord(string? Timestamp, string? PeriodProductionInKWh, string? AccumulatedPowerInKWh, string? AccumulatedEnergyInKWh);
