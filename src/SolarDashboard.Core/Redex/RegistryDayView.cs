namespace SolarDashboard.Core.Redex;

/// <summary>One day of one registered inverter in the export ledger (its current version); <see cref="Note"/> is the held reason or the registry's message.</summary>
public sealed record RegistryDayView(int Id, DateOnly Day, int Version, ExportState State, string? PeriodKwh, string? AccumulatedKwh,
    string? Note, DateTimeOffset? SentAt, string? ProcessId);
