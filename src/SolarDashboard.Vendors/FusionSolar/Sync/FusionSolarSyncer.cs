using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Sync;

namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>
/// Keeps one <see cref="FusionSolarConnectionSync"/> per connection alive between rounds, on the connection's one session
/// (<see cref="FusionSolarSessions"/>): the sync shares its login or OAuth tokens with control and consent. A new session
/// (changed secret or base URL) gets a fresh sync.
/// </summary>
public sealed class FusionSolarSyncer(
    FusionSolarSessions sessions,
    ConnectionSessions connectionSessions,
    IDbContextFactory<SolarDbContext> dbFactory,
    CacheWriter writer,
    TimeProvider time,
    ILoggerFactory loggers) : IConnectionSyncer, IDisposable
{
    private readonly ConcurrentDictionary<int, (FusionSolarSession Session, FusionSolarConnectionSync Sync)> _syncs = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();

    public Vendor Vendor => Vendor.FusionSolar;

    public async Task RunDueAsync(VendorConnection connection, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(connection.Id, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct)) return; // the previous round of this connection is still running
        try
        {
            await For(connection).RunDueAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The sync of a connection (made on first use, and again with each new session).</summary>
    public FusionSolarConnectionSync For(VendorConnection connection)
    {
        var session = sessions.For(connection);
        if (_syncs.TryGetValue(connection.Id, out var existing) && ReferenceEquals(existing.Session, session)) return existing.Sync;
        var sync = new FusionSolarConnectionSync(connection.Id, connection.AuthMode == AuthMode.OAuthConnect, session.Client,
            connectionSessions.CallLog(connection.Id), writer, dbFactory, time, loggers.CreateLogger<FusionSolarConnectionSync>());
        _syncs[connection.Id] = (session, sync);
        return sync;
    }

    public void Dispose()
    {
        foreach (var (_, gate) in _gates) gate.Dispose();
    }
}
