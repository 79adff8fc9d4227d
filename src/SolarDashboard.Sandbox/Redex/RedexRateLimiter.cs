using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// 60 requests a minute per business account, as a sliding window on the simulated clock: any 60 seconds hold at most
/// 60 admitted requests (the strictest reading of the limit, so a client that passes here passes a fixed-window server
/// too). Refused requests do not count. Also keeps each account's traffic for the admin view and the benchmark.
/// </summary>
public sealed class RedexRateLimiter(SimulationClock clock)
{
    public const int RequestsPerMinute = 60;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly Dictionary<string, Traffic> _traffic = new(StringComparer.Ordinal);

    /// <summary>Admits and counts the request, or says how long until one more fits.</summary>
    public bool TryAdmit(string clientId, out TimeSpan retryAfter)
    {
        var now = clock.UtcNow;
        lock (_gate)
        {
            var t = Of(clientId);
            while (t.Recent.Count > 0 && t.Recent.Peek() <= now - Window) t.Recent.Dequeue();
            if (t.Recent.Count >= RequestsPerMinute)
            {
                retryAfter = t.Recent.Peek() + Window - now;
                t.Refused++;
                return false;
            }
            t.Recent.Enqueue(now);
            t.Admitted.Add(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Counts an answer by its HTTP status (429 included), and answers lost on purpose by the quirk.</summary>
    public void Record(string clientId, int status)
    {
        lock (_gate)
        {
            var t = Of(clientId);
            t.ByStatus[status] = t.ByStatus.GetValueOrDefault(status) + 1;
        }
    }

    public void RecordLostAnswer(string clientId)
    {
        lock (_gate) Of(clientId).LostAnswers++;
    }

    public RedexTrafficSnapshot Snapshot(string clientId)
    {
        lock (_gate)
        {
            var t = Of(clientId);
            // The busiest 60 seconds: admitted times are in order, so a two-pointer sweep finds it.
            var peak = 0;
            for (int end = 0, start = 0; end < t.Admitted.Count; end++)
            {
                while (t.Admitted[start] <= t.Admitted[end] - Window) start++;
                peak = Math.Max(peak, end - start + 1);
            }
            return new RedexTrafficSnapshot(clientId, t.Admitted.Count, t.Refused, peak, RequestsPerMinute, t.LostAnswers,
                t.ByStatus.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value));
        }
    }

    private Traffic Of(string clientId)
    {
        if (!_traffic.TryGetValue(clientId, out var t)) _traffic[clientId] = t = new Traffic();
        return t;
    }

    private sealed class Traffic
    {
        public Queue<DateTimeOffset> Recent { get; } = new();
        public List<DateTimeOffset> Admitted { get; } = [];
        public Dictionary<int, int> ByStatus { get; } = [];
        public int Refused { get; set; }
        public int LostAnswers { get; set; }
    }
}
