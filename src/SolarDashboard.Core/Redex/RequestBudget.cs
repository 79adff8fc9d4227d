namespace SolarDashboard.Core.Redex;

/// <summary>
/// The registry's request limit as a sliding 60-second window on the app's clock (the strictest reading of "60 requests
/// a minute"), and a pause after a 429. Counted before each call, so a plan never exceeds it.
/// </summary>
public sealed class RequestBudget(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil;

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now < _pausedUntil) return false;
            while (_recent.Count > 0 && now - _recent.Peek() >= Window) _recent.Dequeue();
            if (_recent.Count >= perMinute) return false;
            _recent.Enqueue(now);
            return true;
        }
    }

    public void PauseFor(TimeSpan? retryAfter)
    {
        lock (_gate) _pausedUntil = time.GetUtcNow() + (retryAfter is { } r && r > TimeSpan.Zero ? r : Window);
    }
}
