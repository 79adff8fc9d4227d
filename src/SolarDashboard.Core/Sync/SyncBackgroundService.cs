using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Sync;

/// <summary>Runs every connection's due sync work on a timer.</summary>
public sealed class SyncBackgroundService(
    IHostApplicationLifetime lifetime,
    IDbContextFactory<SolarDbContext> dbFactory,
    ConnectionSyncRunner runner,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<SyncOptions> options,
    ILogger<SyncBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        // Start once the app listens: demo mode only then knows the address its sandbox answers on.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Tick, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        List<VendorConnection> connections;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            connections = await db.Connections.AsNoTracking()
                .Where(c => c.State != ConnectionState.CredentialsRejected && c.State != ConnectionState.NeedsReauthorization && c.ProtectedSecret != null)
                .ToListAsync(ct);
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "Sync skipped a round: the database could not be read");
            return;
        }

        foreach (var connection in connections) await runner.RunAsync(connection, ct);
    }
}
