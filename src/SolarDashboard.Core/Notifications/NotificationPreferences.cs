using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Notifications;

/// <summary>Reads and saves a user's own notification choices (the settings page).</summary>
public sealed class NotificationPreferences(IDbContextFactory<SolarDbContext> dbFactory, IOptions<MailOptions> mail, IOptions<NotificationOptions> options,
    TimeProvider time)
{
    public async Task<NotificationSettingsView> GetAsync(UserAccess user, CancellationToken ct = default)
    {
        RequireSignedIn(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signInEmail = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var p = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == user.UserId, ct) ?? new NotificationPreference();
        var zones = await db.Plants.AsNoTracking().Select(x => new { x.Id, x.TimeZoneId }).ToListAsync(ct);
        var zone = DigestSchedule.ZoneOf(zones.Where(z => user.Plants.Allows(z.Id)).Select(z => z.TimeZoneId), options.Value.DigestTimeZone);
        return new NotificationSettingsView(mail.Value.IsEnabled, signInEmail, p.Email, p.Alarms, p.Connections, p.Digest, DigestSchedule.Describe(zone));
    }

    /// <summary>Saves the choices. Alarm mail that starts reaching the user now (turned on, or a first address) counts alarms from now.</summary>
    public async Task SaveAsync(UserAccess user, NotificationChoice choice, CancellationToken ct = default)
    {
        RequireSignedIn(user);
        if (NotificationChoice.CheckEmail(choice.Email) is { } problem) throw new ArgumentException(problem, nameof(choice));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var signInEmail = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var p = await db.NotificationPreferences.SingleOrDefaultAsync(x => x.UserId == user.UserId, ct);
        var wasReaching = p is not null && p.Alarms && !string.IsNullOrWhiteSpace(p.Email ?? signInEmail);
        if (p is null) db.NotificationPreferences.Add(p = new NotificationPreference { UserId = user.UserId });
        p.Email = string.IsNullOrWhiteSpace(choice.Email) ? null : choice.Email.Trim();
        (p.Alarms, p.Connections, p.Digest, p.UpdatedAt) = (choice.Alarms, choice.Connections, choice.Digest, now);
        if (!wasReaching && p.Alarms && !string.IsNullOrWhiteSpace(p.Email ?? signInEmail)) p.AlarmsSince = now;
        await db.SaveChangesAsync(ct);
    }

    private static void RequireSignedIn(UserAccess user)
    {
        if (!user.IsSignedIn) throw new AccessDeniedException("Sign in to change your notifications.");
    }
}
