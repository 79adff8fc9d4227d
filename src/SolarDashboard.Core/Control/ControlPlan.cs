namespace SolarDashboard.Core.Control;

/// <summary>A checked submission: each plant's plan, and what stands in the way of sending it.</summary>
public sealed record ControlPlan(IReadOnlyList<PlannedPlant> Plants, IReadOnlyList<string> Problems)
{
    public bool CanSend => Problems.Count == 0 && Plants.Count > 0;
}
