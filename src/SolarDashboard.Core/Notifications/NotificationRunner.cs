using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SolarDashboard.Core.Notifications;

/// <summary>One notification pass: plan what is new, then send what is due. Off (does nothing) without a mail server.</summary>
public sealed class NotificationRunner(NotificationPlanner planner, NotificationSender sender, IOptions<MailOptions> mail, TimeProvider time,
    ILogger<NotificationRunner> logger)
{
    public bool IsEnabled => mail.Value.IsEnabled;

    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        if (!IsEnabled) return;
        try
        {
            await planner.PlanAsync(time.GetUtcNow(), ct);
            await sender.SendDueAsync(ct);
        }
        catch (Exception ex) when (ex is SqliteException or DbUpdateException)
        {
            logger.LogWarning(ex, "A notification pass failed on the database; the next pass tries again");
        }
    }
}
