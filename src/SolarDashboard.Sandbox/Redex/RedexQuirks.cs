namespace SolarDashboard.Sandbox.Redex;

/// <summary>The REDEX quirks switched on now (seeded rolls, so runs repeat).</summary>
public sealed class RedexQuirks(SandboxOptions options)
{
    private readonly object _gate = new();
    private readonly Random _random = new(options.Seed);
    private RedexQuirkOptions _current = options.Redex.Quirks.Clone();

    public RedexQuirkOptions Current
    {
        get { lock (_gate) return _current.Clone(); }
        set { lock (_gate) _current = value.Clone(); }
    }

    public bool Roll(double rate)
    {
        if (rate <= 0) return false;
        if (rate >= 1) return true;
        lock (_gate) return _random.NextDouble() < rate;
    }
}
