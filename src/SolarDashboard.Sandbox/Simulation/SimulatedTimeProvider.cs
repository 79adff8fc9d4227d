namespace SolarDashboard.Sandbox.Simulation;

/// <summary>The simulation's time as a <see cref="TimeProvider"/>: demo mode runs the whole app on it (timers stay real).</summary>
public sealed class SimulatedTimeProvider(SimulationClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.UtcNow;
}
