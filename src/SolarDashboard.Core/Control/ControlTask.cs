namespace SolarDashboard.Core.Control;

/// <summary>The four control APIs of FusionSolar's reference 5.2, and a device's settings (ATESS "modify setting").</summary>
public enum ControlKind { ChargeDischarge, BatteryMode, BatteryConfig, ActivePower, DeviceSetting }

/// <summary>Where a submitted task stands as a whole.</summary>
public enum ControlTaskState
{
    /// <summary>Recorded, the delivery call is under way. A restart finding it here treats the outcome as unknown.</summary>
    Delivering,
    /// <summary>Delivered; at least one plant is still running at the vendor.</summary>
    Running,
    /// <summary>Every plant reached an end state.</summary>
    Finished,
    /// <summary>The delivery's answer never came (timeout, broken connection): it may or may not have reached the vendor.</summary>
    Unknown,
}

/// <summary>One plant's part of a task, as the vendor last reported it.</summary>
public enum PlantControlStatus { Delivering, Running, Success, Fail, Timeout, Unknown, Rejected, NotDelivered }

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

public sealed class ControlTaskPlant
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int PlantId { get; set; }
    public required string PlantName { get; set; }
    public required string PlantCode { get; set; }

    /// <summary>This plant's parameters as sent (our JSON of the request, not the wire form).</summary>
    public required string ParametersJson { get; set; }

    public PlantControlStatus Status { get; set; }
    public string? Message { get; set; }
    public double? ChargedKwh { get; set; }
    public double? DischargedKwh { get; set; }

    /// <summary>True while the plant's task may still act (delivering, running, unknown): a unique index allows one per plant.</summary>
    public bool Active { get; set; }

    /// <summary>After SUCCESS: what the plant's own data showed ("confirmed", "not visible"), and why.</summary>
    public string? Effect { get; set; }
    public string? EffectNote { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The audit trail: one line per step and vendor answer. Append-only (database triggers refuse changes).</summary>
public sealed class ControlTaskEvent
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Step { get; set; }
    public required string Detail { get; set; }
}
