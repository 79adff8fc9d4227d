namespace SolarDashboard.Core.Control;

/// <summary>A control task an operator submitted: one vendor task (one delivery call) for one connection's plants.</summary>
public sealed class ControlTaskRecord
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public ControlKind Kind { get; set; }
    public int SubmittedByUserId { get; set; }
    public required string SubmittedByName { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>Made by the form when it opens: a double-click or a resubmitted page reuses it, so one intent is one task.</summary>
    public required string RequestKey { get; set; }

    /// <summary>What the operator confirmed, in words.</summary>
    public required string Summary { get; set; }

    public ControlTaskState State { get; set; }

    /// <summary>The vendor's requestID (charge/discharge) or taskId (settings); null until delivered.</summary>
    public string? VendorTaskId { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? NextCheckAt { get; set; }
    public int Checks { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
