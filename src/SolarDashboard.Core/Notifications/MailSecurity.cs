namespace SolarDashboard.Core.Notifications;

/// <summary>How the connection to the mail server is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP, then STARTTLS; refuses a server that does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption: only for a relay on the same host or network (and the tests' server).</summary>
    None,
}
