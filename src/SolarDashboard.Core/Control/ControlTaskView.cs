namespace SolarDashboard.Core.Control;

/// <summary>
/// A task as the history and detail pages show it. <see cref="ManualControlJson"/> is the vendor's manual-control mode as
/// stored, when it has one: a plant sent exactly that is offered the forced charge or discharge next.
/// </summary>
public sealed record ControlTaskView(ControlTaskRecord Task, IReadOnlyList<ControlTaskPlant> Plants, IReadOnlyList<ControlTaskEvent> Events, string? ManualControlJson = null)
{
    /// <summary>The zone the task's times are shown in: its plants' (the first plant's, by name, when they differ).</summary>
    public string? TimeZoneId { get; init; }
}
