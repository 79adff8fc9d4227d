namespace SolarDashboard.Core.Notifications;

public enum NotificationStatus
{
    /// <summary>Waiting for its time (digest) or for the mail server; stays so until it is sent.</summary>
    Pending,
    Sent,

    /// <summary>No longer wanted before it went out: the user turned it off, lost the plant, or the connection recovered.</summary>
    Dropped,
}
