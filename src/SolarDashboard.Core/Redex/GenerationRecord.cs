namespace SolarDashboard.Core.Redex;

/// <summary>One day as sent: the plant-local date and the two values as texts with exactly 3 decimals.</summary>
public sealed record GenerationRecord(DateOnly Day, string PeriodKwh, string AccumulatedKwh);
