using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SolarDashboard.Core.Notifications;

/// <summary>
/// Runs notification passes on their own timer, apart from the sync: a slow or failing mail server never holds up
/// fetching data, and the sync never waits for mail.
/// </summary>
public sealed class NotificationBackgroundService(
    IHostApplicationLifetime lifetime,
    NotificationRunner runner,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<NotificationBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!runner.IsEnabled)
        {
            logger.LogInformation("E-mail notifications are off: no mail server is configured (SolarDashboard:Mail:Host)");
            return;
        }
        // Links in the mail need the app's own address, known once it listens.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Tick, time);
        do
        {
            await runner.RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
