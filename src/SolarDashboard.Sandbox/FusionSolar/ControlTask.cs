using System.Collections.Concurrent;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

public sealed class ControlTask
{
    public required string Id { get; init; }
    public required TaskKind Kind { get; init; }
    public required string Owner { get; init; }
    public required DateTimeOffset Received { get; init; }
    public required IReadOnlyList<PlantTask> Plants { get; init; }
}
