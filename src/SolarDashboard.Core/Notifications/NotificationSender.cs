using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Notifications;

/// <summary>
/// Sends what is due from the outbox over SMTP (MailKit): one message per user and pass, a digest at its hour. A mail
/// server that cannot be reached pauses sending with a growing wait (1 minute doubling to 30) and is logged once per
/// outage; nothing is lost, because a notification stays pending until the server has taken it.
/// </summary>
public sealed class NotificationSender(
    IDbContextFactory<SolarDbContext> dbFactory,
    AccessService access,
    IOptions<MailOptions> mailOptions,
    IOptions<CoreOptions> coreOptions,
    IAppAddress appAddress,
    TimeProvider time,
    ILogger<NotificationSender> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LongestRefusedRetry = TimeSpan.FromHours(6);

    private int _failures;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;

    /// <summary>Returns how many messages went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var mail = mailOptions.Value;
        var now = time.GetUtcNow();
        if (!mail.IsEnabled || now < _retryAt) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Notifications.Where(n => n.Status == NotificationStatus.Pending && (n.NextAttemptAt == null || n.NextAttemptAt <= now))
            .OrderBy(n => n.Id).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var messages = await ComposeAsync(db, pending, now, ct);
        await db.SaveChangesAsync(ct);
        if (messages.Count == 0) return 0;

        var sent = 0;
        try
        {
            using var smtp = new SmtpClient { Timeout = (int)mail.Timeout.TotalMilliseconds };
            await smtp.ConnectAsync(mail.Host!, mail.Port, mail.Security switch
            {
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                MailSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            }, ct);
            if (!string.IsNullOrEmpty(mail.User)) await smtp.AuthenticateAsync(mail.User, mail.Password ?? "", ct);
            foreach (var m in messages)
            {
                try
                {
                    await smtp.SendAsync(m.Message, ct);
                    foreach (var row in m.Rows) (row.Status, row.SentAt, row.Attempts, row.LastError) = (NotificationStatus.Sent, now, row.Attempts + 1, null);
                    sent++;
                }
                catch (SmtpCommandException ex)
                {
                    // Refused by the server (an address, a policy): this message waits and is tried again alone; the others go on.
                    foreach (var row in m.Rows) Refused(row, now, ex.Message);
                    logger.LogWarning("The mail server refused a notification to user {User} ({Status}); it is kept and tried again later", m.Rows[0].UserId, ex.StatusCode);
                }
                // Each message is recorded as sent at once: a stop right after can repeat one message at most.
                await db.SaveChangesAsync(CancellationToken.None);
            }
            await smtp.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (IsOutage(ex, ct))
        {
            foreach (var row in messages.SelectMany(m => m.Rows).Where(r => r.Status == NotificationStatus.Pending))
                (row.Attempts, row.LastError) = (row.Attempts + 1, Short(ex.Message));
            await db.SaveChangesAsync(CancellationToken.None);
            var wait = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(_failures, 10)));
            _retryAt = now + wait;
            if (_failures++ == 0)
                logger.LogWarning("The mail server {Host}:{Port} cannot be used ({Error}: {Message}); notifications stay pending and are retried, the next time in {Wait}",
                    mail.Host, mail.Port, ex.GetType().Name, Short(ex.Message), wait);
            else
                logger.LogDebug("The mail server {Host}:{Port} still cannot be used; next try in {Wait}", mail.Host, mail.Port, wait);
            return sent;
        }
        if (_failures > 0) logger.LogInformation("The mail server {Host}:{Port} works again; pending notifications are going out", mail.Host, mail.Port);
        (_failures, _retryAt) = (0, DateTimeOffset.MinValue);
        return sent;
    }

    private sealed record Outgoing(MimeMessage Message, IReadOnlyList<NotificationRecord> Rows);

    /// <summary>One message per user from their due rows; rows no longer wanted (turned off, plant gone, connection fixed) are dropped.</summary>
    private async Task<List<Outgoing>> ComposeAsync(SolarDbContext db, List<NotificationRecord> pending, DateTimeOffset now, CancellationToken ct)
    {
        var userIds = pending.Select(n => n.UserId).Distinct().ToList();
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var alarmIds = pending.Where(n => n.AlarmId is not null).Select(n => n.AlarmId!.Value).ToList();
        var alarms = (await (from a in db.Alarms.AsNoTracking()
                             join p in db.Plants.AsNoTracking() on a.PlantId equals p.Id
                             where alarmIds.Contains(a.Id)
                             select new { Alarm = a, PlantName = p.Name, p.TimeZoneId }).ToListAsync(ct))
            .ToDictionary(x => x.Alarm.Id, x => (x.Alarm.PlantId, Notice: new AlarmNotice(x.Alarm.Id, x.Alarm.Level, x.Alarm.Name, x.PlantName, x.TimeZoneId,
                x.Alarm.DeviceName, x.Alarm.Cause, x.Alarm.RepairSuggestion, x.Alarm.RaisedAt, x.Alarm.ClearedAt)));
        var connectionIds = pending.Where(n => n.ConnectionId is not null).Select(n => n.ConnectionId!.Value).ToList();
        var connections = await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

        var from = MailboxAddress.Parse(mailOptions.Value.From!);
        var baseUrl = BaseUrl();
        var outgoing = new List<Outgoing>();
        foreach (var group in pending.GroupBy(n => n.UserId))
        {
            var preference = preferences.GetValueOrDefault(group.Key);
            var to = MailboxAddress.TryParse(preference?.Email ?? emails.GetValueOrDefault(group.Key) ?? "", out var address) ? address : null;
            var user = await access.ForUserAsync(group.Key, ct);
            var due = new List<NotificationRecord>();
            foreach (var row in group)
            {
                var wanted = preference is not null && to is not null && row.Kind switch
                {
                    NotificationKind.Alarm => preference.Alarms && row.AlarmId is { } a && alarms.TryGetValue(a, out var alarm) && user.Plants.Allows(alarm.PlantId),
                    _ => preference.Connections && row.ConnectionId is { } c && connections.TryGetValue(c, out var connection)
                         && NotificationPlanner.ConnectionKey(connection.Id, connection.State, connection.LastSuccessAt) == row.Key,
                };
                if (!wanted) row.Status = NotificationStatus.Dropped;
                // A digest waits for its hour, unless the user has since asked for mail as things happen.
                else if (!(row.Digest && preference!.Digest && row.DueAt > now)) due.Add(row);
            }
            if (due.Count == 0) continue;
            var alarmNotices = due.Where(r => r.AlarmId is not null).Select(r => alarms[r.AlarmId!.Value].Notice).ToList();
            var connectionNotices = due.Where(r => r.ConnectionId is not null).Select(r => connections[r.ConnectionId!.Value])
                .Select(c => new ConnectionNotice(c.Id, c.Name, c.Vendor, c.State, c.LastError)).ToList();
            outgoing.Add(new(NotificationMail.Compose(from, to!, alarmNotices, connectionNotices, due.All(r => r.Digest), baseUrl), due));
        }
        return outgoing;
    }

    /// <summary>Links point at the configured public address, else at the address this app listens on.</summary>
    private Uri? BaseUrl()
    {
        var url = Uri.TryCreate(coreOptions.Value.PublicBaseUrl, UriKind.Absolute, out var configured) ? configured : appAddress.Current;
        return url is null ? null : url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static void Refused(NotificationRecord row, DateTimeOffset now, string error)
    {
        row.Attempts++;
        row.LastError = Short(error);
        row.NextAttemptAt = now + TimeSpan.FromTicks(Math.Min(LongestRefusedRetry.Ticks, FirstRetry.Ticks << Math.Min(row.Attempts, 12)));
    }

    private static bool IsOutage(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested, // MailKit's own timeout
        IOException or SocketException or TimeoutException or SmtpCommandException or SmtpProtocolException or AuthenticationException
            or SslHandshakeException or ServiceNotConnectedException or ServiceNotAuthenticatedException => true,
        NotSupportedException => true, // the server lacks what the settings ask for (STARTTLS, sign-in): a configuration to fix
        _ => false,
    };

    private static string Short(string text) => text.Length <= 300 ? text : text[..300];
}
