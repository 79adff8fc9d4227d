using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Sync;

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
