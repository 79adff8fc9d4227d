namespace SolarDashboard.Core.Control;

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
