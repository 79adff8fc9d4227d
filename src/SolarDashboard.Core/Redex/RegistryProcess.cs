namespace SolarDashboard.Core.Redex;

/// <summary>A submission's state at the registry (New, Processing, Success, Failed) and its reason when it failed.</summary>
public sealed record RegistryProcess(string ProcessId, string Status, string? Reason)
{
    public bool IsDone => Status is "Success" or "Failed";
}
