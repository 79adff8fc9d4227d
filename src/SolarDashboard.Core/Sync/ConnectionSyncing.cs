using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Sync;

/// <summary>A vendor's sync: runs whatever is due for one connection. Implemented by the vendor layer.</summary>
public interface IConnectionSyncer
{
    Vendor Vendor { get; }

    Task RunDueAsync(VendorConnection connection, CancellationToken ct);
}

public sealed class SyncOptions
{
    public const string Section = "SolarDashboard:Sync";

    /// <summary>How often the scheduler looks for due work. Jobs keep their own pace; this only bounds the delay.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Runs one connection's due work with the matching vendor syncer. A vendor outage or a database hiccup fails that
/// round only. Also starts a round at once for a connection that was just added (the owner waits for their plants).
/// </summary>
public sealed class ConnectionSyncRunner(
    IHostApplicationLifetime lifetime,
    IDbContextFactory<SolarDbContext> dbFactory,
    IEnumerable<IConnectionSyncer> syncers,
    ILogger<ConnectionSyncRunner> logger)
{
    public async Task RunAsync(VendorConnection connection, CancellationToken ct)
    {
        var syncer = syncers.FirstOrDefault(s => s.Vendor == connection.Vendor);
        if (syncer is null) return;
        try
        {
            await syncer.RunDueAsync(connection, ct);
        }
        catch (Exception ex) when (ex is SqliteException or DbUpdateException or HttpRequestException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Sync of connection {Id} failed this round; it is retried on the next", connection.Id);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The stored password or token cannot be decrypted (the Data Protection keys were lost or replaced). Retrying
            // cannot help and must not stop the app: a person has to enter the credentials again.
            logger.LogError("The stored credentials of connection {Id} cannot be decrypted (Data Protection keys changed); it waits for them to be entered again", connection.Id);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Connections.Where(c => c.Id == connection.Id).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.State, connection.AuthMode == AuthMode.OAuthConnect ? ConnectionState.NeedsReauthorization : ConnectionState.CredentialsRejected)
                .SetProperty(c => c.LastError, UnreadableSecret), ct);
        }
    }

    public const string UnreadableSecret = "The stored credentials can no longer be decrypted (the encryption keys in the data folder changed). Enter them again, or connect again.";

    /// <summary>Starts a round for the connection in the background, without waiting for the next tick.</summary>
    public void StartNow(int connectionId) => _ = Task.Run(async () =>
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId && c.ProtectedSecret != null, ct);
            if (connection is not null) await RunAsync(connection, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The immediate sync of connection {Id} failed; the scheduler retries it", connectionId);
        }
    });
}

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
