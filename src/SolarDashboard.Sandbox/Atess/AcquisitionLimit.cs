using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// "The frequency of acquisition is once every 5 minutes", per account, endpoint and target (device, datalog or plant),
/// on the simulated clock. A refused call does not count; the window restarts at the next accepted one.
/// Relaxed flow control allows 1000 calls per window (manual demos only).
/// </summary>
public sealed class AcquisitionLimit(SandboxWorld world, SandboxOptions options)
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private readonly Dictionary<(string Account, string Endpoint, string Target), (DateTimeOffset Start, int Count)> _windows = [];

    /// <summary>Counts the call and returns null, or returns how long until the next call is accepted.</summary>
    public TimeSpan? TryAcquire(string account, string endpoint, string target)
    {
        var now = world.Clock.UtcNow;
        var limit = options.FlowControl == FlowControlMode.Relaxed ? 1000 : 1;
        lock (_gate)
        {
            var key = (account, endpoint, target);
            if (_windows.TryGetValue(key, out var w) && now - w.Start < Period)
            {
                if (w.Count >= limit) return Period - (now - w.Start);
                _windows[key] = (w.Start, w.Count + 1);
                return null;
            }
            _windows[key] = (now, 1);
            return null;
        }
    }
}
