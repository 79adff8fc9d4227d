namespace SolarDashboard.Core.Notifications;

/// <summary>
/// What a user wants to be told by e-mail. Made with the defaults (everything on, immediately, to the sign-in e-mail) the
/// first time the notification planner meets the user; alarms count from then on, so nobody is sent a backlog.
/// </summary>
public sealed class NotificationPreference
{
    public int UserId { get; set; }

    /// <summary>The address to write to; null means the e-mail the identity provider gave at sign-in.</summary>
    public string? Email { get; set; }

    /// <summary>New major and critical alarms of the plants the user may see.</summary>
    public bool Alarms { get; set; } = true;

    /// <summary>The user's connections needing re-authorization or new credentials.</summary>
    public bool Connections { get; set; } = true;

    /// <summary>One message a day at 07:00 instead of one as things happen.</summary>
    public bool Digest { get; set; }

    /// <summary>Alarms first seen until this instant are not news to the user (set when alarm mail starts reaching them).</summary>
    public DateTimeOffset AlarmsSince { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
