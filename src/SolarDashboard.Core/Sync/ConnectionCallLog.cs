using System.Collections.Concurrent;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Sync;

/// <summary>A connection's vendor calls, whoever made them, waiting to be saved with the next change: the quota view and budgets read them.</summary>
public sealed class ConnectionCallLog(int connectionId)
{
    private readonly ConcurrentQueue<VendorCall> _calls = new();

    public int ConnectionId => connectionId;

    public void Add(VendorCall call) => _calls.Enqueue(call);

    /// <summary>Adds the calls not yet saved to <paramref name="db"/>, to be saved with its changes.</summary>
    public void MoveTo(SolarDbContext db)
    {
        while (_calls.TryDequeue(out var call)) db.Calls.Add(call);
    }
}
