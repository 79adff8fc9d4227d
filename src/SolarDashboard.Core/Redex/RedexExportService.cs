using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SolarDashboard.Core.Redex;

/// <summary>Runs the REDEX export round on the app's clock. Everything lives in SQLite, so a restart picks up where it stopped.</summary>
public sealed class RedexExportService(IHostApplicationLifetime lifetime, RedexExporter exporter, TimeProvider time,
    IOptions<RedexExportOptions> options, ILogger<RedexExportService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Tick, time);
        do
        {
            try
            {
                await exporter.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is SqliteException or DbUpdateException or RegistryException)
            {
                logger.LogWarning(ex, "REDEX export skipped a round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
