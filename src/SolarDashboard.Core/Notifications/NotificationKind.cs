namespace SolarDashboard.Core.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A new major or critical alarm of a plant the user may see.</summary>
    Alarm,

    /// <summary>A connection of the user's that needs a person (re-authorization, rejected credentials).</summary>
    Connection,
}
