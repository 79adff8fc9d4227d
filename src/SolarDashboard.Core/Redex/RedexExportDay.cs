namespace SolarDashboard.Core.Redex;

/// <summary>
/// The export ledger: one row per registered inverter, plant-local day and version. A person's correction adds the next
/// version and keeps the earlier ones (<see cref="IsCurrent"/> marks the one that counts). The values are kept as the
/// exact texts sent (3 decimals).
/// </summary>
public sealed class RedexExportDay
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public DateOnly Day { get; set; }
    public int Version { get; set; }
    public bool IsCurrent { get; set; }
    public ExportState State { get; set; }
    public string? HeldReason { get; set; }
    public string? PeriodKwh { get; set; }
    public string? AccumulatedKwh { get; set; }

    /// <summary>When the request carrying this day left (set before it leaves, so a crash mid-request is an unknown, never a resend).</summary>
    public DateTimeOffset? SentAt { get; set; }

    public string? ProcessId { get; set; }
    public string? RegistryMessage { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who asked for this version when a person did (a retry or a correction).</summary>
    public string? RequestedBy { get; set; }
}
