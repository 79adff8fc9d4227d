namespace SolarDashboard.Core.Notifications;

/// <summary>What a user saves on the settings page. An empty address means the sign-in e-mail.</summary>
public sealed record NotificationChoice(string? Email, bool Alarms, bool Connections, bool Digest)
{
    /// <summary>Null when the address is empty or a single plain address (name@domain); else what is wrong.</summary>
    public static string? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var text = email.Trim();
        return System.Net.Mail.MailAddress.TryCreate(text, out var parsed) && parsed.Address == text && parsed.Host.Contains('.', StringComparison.Ordinal)
            ? null : "Enter one e-mail address, such as name@example.com.";
    }
}
