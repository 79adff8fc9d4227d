using System.Collections.Concurrent;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>One plant's part of a delivered task.</summary>
public sealed class PlantTask
{
    public required string PlantCode { get; init; }
    public required System.Text.Json.Nodes.JsonObject Parameters { get; init; }
    public required string SubTaskId { get; init; }
    public string? Sn { get; init; }
    public ForcedCommand? Forced { get; init; }
    public int DispatchSwitch { get; init; }

    /// <summary>Checks (every 3 simulated minutes) after which a settings task reports SUCCESS; null when it hangs.</summary>
    public int? ChecksToComplete { get; init; }
}
