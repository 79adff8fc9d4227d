using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SolarDashboard.Core.Ingest;

/// <summary>Runs the history part of <see cref="StandardMeasureBackfill"/> once, in the background, after the app started.</summary>
public sealed class StandardMeasureBackfillService(IHostApplicationLifetime lifetime, StandardMeasureBackfill backfill, ILogger<StandardMeasureBackfillService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stoppingToken);
        try
        {
            await backfill.RunHistoryAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Resumable: the next start continues where this one stopped.
            logger.LogWarning(ex, "The backfill of standard measures stopped; it continues on the next start");
        }
    }
}
