namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// The sandbox's notion of now: real time from <see cref="TimeProvider"/>, scaled, plus any manual advance.
/// Everything in the sandbox (physics, sessions, flow-control windows, task delays) reads this clock.
/// </summary>
public sealed class SimulationClock
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _realStart;
    private readonly DateTimeOffset _simStart;
    private readonly double _scale;
    private long _advanceTicks;

    public SimulationClock(TimeProvider time, double scale, DateTimeOffset? simStart)
    {
        if (scale <= 0) throw new ArgumentOutOfRangeException(nameof(scale), "TimeScale must be positive.");
        _time = time;
        _scale = scale;
        _realStart = time.GetUtcNow();
        _simStart = simStart ?? _realStart;
    }

    public double Scale => _scale;

    /// <summary>The simulated instant the sandbox started at (what fleets built later are anchored to).</summary>
    public DateTimeOffset Start => _simStart;

    public DateTimeOffset UtcNow
    {
        get
        {
            var realElapsed = _time.GetUtcNow() - _realStart;
            return _simStart + TimeSpan.FromTicks((long)(realElapsed.Ticks * _scale) + Interlocked.Read(ref _advanceTicks));
        }
    }

    public long UnixMs => UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Jumps the simulation forward (tests, demos). The simulation never goes back.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The simulation clock only moves forward.");
        Interlocked.Add(ref _advanceTicks, by.Ticks);
    }

    /// <summary>Real time needed for a simulated span to pass (for the sandbox's own waits).</summary>
    public TimeSpan RealTimeFor(TimeSpan simulated) => TimeSpan.FromTicks((long)(simulated.Ticks / _scale));
}
