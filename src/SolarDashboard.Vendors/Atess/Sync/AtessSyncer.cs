using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;

namespace SolarDashboard.Vendors.Atess.Sync;

/// <summary>
/// The ATESS sync: keeps one <see cref="AtessConnectionSync"/> per connection alive between rounds, so what it knows of
/// each endpoint's acquisition period and of each device's history survives from round to round. The API key is
/// decrypted for each request and never kept in clear. A changed key or base URL gets a fresh sync.
/// </summary>
public sealed class AtessSyncer(
    VendorHttp http,
    IDbContextFactory<SolarDbContext> dbFactory,
    SecretProtector secrets,
    CacheWriter writer,
    TimeProvider time,
    IAppAddress appAddress,
    IOptions<AtessSyncOptions> options,
    ILoggerFactory loggers) : IConnectionSyncer, IDisposable
{
    private readonly ConcurrentDictionary<int, (string Fingerprint, AtessConnectionSync Sync)> _syncs = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();

    public Vendor Vendor => Vendor.Atess;

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

    /// <summary>The sync of a connection (made on first use).</summary>
    public AtessConnectionSync For(VendorConnection connection)
    {
        var fingerprint = $"{connection.BaseUrl}|{connection.UserName}|{connection.ProtectedSecret?.GetHashCode()}";
        if (_syncs.TryGetValue(connection.Id, out var existing) && existing.Fingerprint == fingerprint) return existing.Sync;
        var calls = new ConcurrentQueue<AtessCallRecord>();
        var sync = new AtessConnectionSync(connection.Id, ClientFor(connection, calls.Enqueue), () => Drain(calls), writer, dbFactory, time,
            () => options.Value.HistoryHorizon, loggers.CreateLogger<AtessConnectionSync>());
        _syncs[connection.Id] = (fingerprint, sync);
        return sync;
    }

    /// <summary>A client of the connection's account (settings, onboarding); <paramref name="onCall"/> sees each call.</summary>
    public AtessClient ClientFor(VendorConnection connection, Action<AtessCallRecord>? onCall = null)
    {
        var protectedKey = connection.ProtectedSecret ?? throw new InvalidOperationException("The connection has no API key.");
        // Demo mode stores the in-process sandbox as a path on this app's own address.
        var baseUrl = appAddress.Resolve(connection.BaseUrl.EndsWith('/') ? connection.BaseUrl : connection.BaseUrl + "/");
        return new AtessClient(http, baseUrl, connection.UserName ?? "", () => secrets.Unprotect(protectedKey), loggers.CreateLogger<AtessClient>(), time,
            onCall: onCall);
    }

    private static IReadOnlyList<AtessCallRecord> Drain(ConcurrentQueue<AtessCallRecord> queue)
    {
        var list = new List<AtessCallRecord>();
        while (queue.TryDequeue(out var c)) list.Add(c);
        return list;
    }

    public void Dispose()
    {
        foreach (var (_, gate) in _gates) gate.Dispose();
    }
}
