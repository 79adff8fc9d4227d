namespace SolarDashboard.Core.Notifications;

/// <summary>A user's notification choices as the settings page shows them.</summary>
/// <param name="MailEnabled">False when the server has no mail server configured: nothing is sent.</param>
/// <param name="SignInEmail">The e-mail the identity provider gave at sign-in, used when <paramref name="Email"/> is empty.</param>
/// <param name="DigestAt">When the daily digest goes out, e.g. "07:00 Europe/Berlin".</param>
public sealed record NotificationSettingsView(bool MailEnabled, string? SignInEmail, string? Email, bool Alarms, bool Connections, bool Digest, string DigestAt);
