using System.ComponentModel.DataAnnotations;

namespace SolarDashboard.Core.Notifications;

/// <summary>The SMTP server notifications go through. Bound from <c>SolarDashboard:Mail</c>; without a host, e-mail is off.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "SolarDashboard:Mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Sign-in at the server; none when empty.</summary>
    public string? User { get; set; }

    /// <summary>A secret: set it in the environment (<c>SolarDashboard__Mail__Password</c>), never in a file of the repository.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>SolarDashboard &lt;solar@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>How long one connect or send may take before it counts as a failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEnabled && !MimeKit.MailboxAddress.TryParse(From ?? "", out _))
            yield return new ValidationResult($"{Section}:From must be a sender address (e.g. \"SolarDashboard <solar@example.com>\") when {Section}:Host is set.", [nameof(From)]);
    }
}
