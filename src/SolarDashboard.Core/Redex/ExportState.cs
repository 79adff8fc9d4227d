namespace SolarDashboard.Core.Redex;

/// <summary>Where one day of one registered inverter stands with the registry.</summary>
public enum ExportState
{
    /// <summary>Not sent: a check failed (<see cref="RedexExportDay.HeldReason"/>); checked again each round.</summary>
    Held,

    /// <summary>Checked and waiting for its batch.</summary>
    Pending,

    /// <summary>Accepted by the registry with a process id, not yet processed.</summary>
    Sent,

    Processing,
    Success,

    /// <summary>Refused or failed in processing (<see cref="RedexExportDay.RegistryMessage"/>); resent only when a person retries.</summary>
    Failed,

    /// <summary>Sent, but the answer never came: never resent automatically; a person decides.</summary>
    Unknown,
}
