using SolarDashboard.Core.Notifications;

namespace SolarDashboard.Components.Settings;

/// <summary>The notification settings being edited: the choices, what they add up to in words, and what to save.</summary>
public sealed class NotificationForm(NotificationSettingsView view)
{
    public bool MailEnabled => view.MailEnabled;

    /// <summary>"07:00 Europe/Berlin": when the daily digest goes out.</summary>
    public string DigestAt => view.DigestAt;

    /// <summary>Empty: the sign-in e-mail.</summary>
    public string Email { get; set; } = view.Email ?? "";

    public bool Alarms { get; set; } = view.Alarms;
    public bool Connections { get; set; } = view.Connections;
    public bool Digest { get; set; } = view.Digest;

    public string? EmailError => NotificationChoice.CheckEmail(Email);

    /// <summary>Where mail goes: the address typed, else the sign-in e-mail; null when there is neither.</summary>
    public string? Address => string.IsNullOrWhiteSpace(Email) ? view.SignInEmail : Email.Trim();

    public string AddressHelp => view.SignInEmail is { Length: > 0 } signIn
        ? $"Leave it empty to use your sign-in e-mail, {signIn}."
        : "Your sign-in gave no e-mail address: enter one to receive notifications.";

    /// <summary>What these choices mean, in one sentence.</summary>
    public string Summary =>
        EmailError is not null ? "Correct the address to save." :
        Address is null ? "No e-mail is sent: there is no address." :
        !Alarms && !Connections ? "No e-mail is sent: nothing is chosen." :
        $"{(Digest ? $"One e-mail a day at {DigestAt}, when there is news," : "An e-mail as things happen")} to {Address}.";

    public NotificationChoice ToChoice() => new(Email, Alarms, Connections, Digest);
}
