using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>One system of a bound datalog in the simulated world: its physics and where it stands.</summary>
internal sealed class AtessSystem
{
    public required SystemSpec Spec { get; init; }
    public required AtessPlant Plant { get; init; }
    public required SimPlant Physics { get; init; }
    public required PlantSimulator Simulator { get; init; }
    public required DateTimeOffset BoundAt { get; init; }

    /// <summary>Key of the battery's cells (every BMS view of this battery uses it).</summary>
    public required long BatteryKey { get; init; }
}
