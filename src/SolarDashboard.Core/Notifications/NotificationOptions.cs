namespace SolarDashboard.Core.Notifications;

/// <summary>When notifications are planned and sent. Bound from <c>SolarDashboard:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "SolarDashboard:Notifications";

    /// <summary>How often new alarms and connection problems are looked for and due mail is sent.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The daily digest's zone for a user who sees no plant (an IANA id); otherwise their plants' zone is used.</summary>
    public string DigestTimeZone { get; set; } = "UTC";
}
