using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SolarDashboard.Core.Redex;

/// <summary>
/// Runs the REDEX export round on the app's clock. Everything lives in SQLite, so a restart picks up where it stopped. A
/// host without a registry client (Core alone, as some tests host it) has nothing to run.
/// </summary>
public sealed class RedexExportService(IHostApplicationLifetime lifetime, IServiceProvider services, TimeProvider time,
    IOptions<RedexExportOptions> options, ILogger<RedexExportService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || services.GetService<IGenerationRegistry>() is null) return;
        var exporter = services.GetRequiredService<RedexExporter>();
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
