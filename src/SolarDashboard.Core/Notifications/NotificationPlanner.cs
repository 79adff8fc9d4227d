using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Notifications;

/// <summary>
/// Finds what each user should be told and puts it in the outbox, once: new major and critical alarms of the plants they
/// may see (the same per-plant rules as every page), and their connections that need a person — an owner's own
/// connection to its owner, an installer connection to the admins. Reads only the cache, so it never slows the sync.
/// </summary>
public sealed class NotificationPlanner(IDbContextFactory<SolarDbContext> dbFactory, AccessService access, IOptions<NotificationOptions> options)
{
    /// <summary>Alarms first seen longer ago than this are history, not news (after a long stop, say).</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(2);

    /// <summary>Returns how many notifications were added.</summary>
    public async Task<int> PlanAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var newcomers = await db.Users.Where(u => !db.NotificationPreferences.Any(p => p.UserId == u.Id)).Select(u => u.Id).ToListAsync(ct);
        foreach (var id in newcomers) db.NotificationPreferences.Add(new NotificationPreference { UserId = id, AlarmsSince = now, UpdatedAt = now });
        if (newcomers.Count > 0) await db.SaveChangesAsync(ct);

        var recipients = (await (from p in db.NotificationPreferences.AsNoTracking()
                                 join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                                 select new { Preference = p, u.Email }).ToListAsync(ct))
            .Where(r => !string.IsNullOrWhiteSpace(r.Preference.Email ?? r.Email) && (r.Preference.Alarms || r.Preference.Connections)).ToList();
        if (recipients.Count == 0) return 0;

        var from = now - Lookback;
        var alarms = await db.Alarms.AsNoTracking().Where(a => (a.Level == 1 || a.Level == 2) && a.FirstSeenAt >= from)
            .Select(a => new { a.Id, a.PlantId, a.FirstSeenAt }).ToListAsync(ct);
        var connections = await db.Connections.AsNoTracking()
            .Where(c => c.State == ConnectionState.NeedsReauthorization || c.State == ConnectionState.CredentialsRejected)
            .Select(c => new { c.Id, c.State, c.OwnerUserId, c.LastSuccessAt }).ToListAsync(ct);
        if (alarms.Count == 0 && connections.Count == 0) return 0;
        var zones = await db.Plants.AsNoTracking().Select(p => new { p.Id, p.TimeZoneId }).ToListAsync(ct);

        var candidates = new List<NotificationRecord>();
        foreach (var r in recipients)
        {
            var p = r.Preference;
            var user = await access.ForUserAsync(p.UserId, ct);
            if (user.Roles == AppRoles.None) continue;
            var dueAt = p.Digest ? DigestSchedule.NextAfter(DigestSchedule.ZoneOf(zones.Where(z => user.Plants.Allows(z.Id)).Select(z => z.TimeZoneId), options.Value.DigestTimeZone), now) : now;
            NotificationRecord Row(NotificationKind kind, string key) =>
                new() { UserId = p.UserId, Kind = kind, Key = key, CreatedAt = now, DueAt = dueAt, Digest = p.Digest, Status = NotificationStatus.Pending };
            if (p.Alarms)
                foreach (var a in alarms.Where(a => a.FirstSeenAt > p.AlarmsSince && user.Plants.Allows(a.PlantId)))
                {
                    var row = Row(NotificationKind.Alarm, AlarmKey(a.Id));
                    row.AlarmId = a.Id;
                    candidates.Add(row);
                }
            if (p.Connections)
                foreach (var c in connections.Where(c => c.OwnerUserId is { } owner ? owner == p.UserId && user.CanManage(owner) : user.IsAdmin))
                {
                    var row = Row(NotificationKind.Connection, ConnectionKey(c.Id, c.State, c.LastSuccessAt));
                    row.ConnectionId = c.Id;
                    candidates.Add(row);
                }
        }
        if (candidates.Count == 0) return 0;

        var keys = candidates.Select(c => c.Key).Distinct().ToList();
        var known = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => new { n.UserId, n.Key }).ToListAsync(ct))
            .Select(n => (n.UserId, n.Key)).ToHashSet();
        var added = candidates.Where(c => known.Add((c.UserId, c.Key))).ToList();
        db.Notifications.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    public static string AlarmKey(int alarmId) => "alarm:" + alarmId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The problem episode: a connection that recovered (a newer last success) and fails again is news again.</summary>
    public static string ConnectionKey(int connectionId, ConnectionState state, DateTimeOffset? lastSuccessAt) =>
        string.Create(CultureInfo.InvariantCulture, $"connection:{connectionId}:{state}:{lastSuccessAt?.UtcTicks ?? 0}");
}
