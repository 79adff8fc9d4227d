namespace SolarDashboard.Core.Notifications;

/// <summary>
/// One thing a user is told about, once: the outbox and the record of what was sent. The key (unique per user) names the
/// alarm, or the connection's problem episode, so nothing is sent twice.
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>"alarm:{alarm id}" or "connection:{id}:{state}:{last success}" — a new problem after a recovery is new.</summary>
    public required string Key { get; set; }

    public int? AlarmId { get; set; }
    public int? ConnectionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Now, or the next 07:00 of the user's digest.</summary>
    public DateTimeOffset DueAt { get; set; }

    public bool Digest { get; set; }
    public NotificationStatus Status { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The mail server's last answer (never a secret).</summary>
    public string? LastError { get; set; }
}
