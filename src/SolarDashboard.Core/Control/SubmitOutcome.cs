namespace SolarDashboard.Core.Control;

/// <summary>What a submission came to: the tasks it made (or had already made), or why it was not sent.</summary>
public sealed record SubmitOutcome(IReadOnlyList<string> Problems, IReadOnlyList<int> TaskIds)
{
    public bool Accepted => Problems.Count == 0;
}
