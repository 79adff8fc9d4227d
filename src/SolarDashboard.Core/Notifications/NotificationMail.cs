using System.Globalization;
using System.Text;
using MimeKit;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Notifications;

/// <summary>The plain, short texts of notification e-mails: what happened, where, when in plant time, what to do, and a link.</summary>
public static class NotificationMail
{
    public static MimeMessage Compose(MailboxAddress from, MailboxAddress to, IReadOnlyList<AlarmNotice> alarms, IReadOnlyList<ConnectionNotice> connections,
        bool digest, Uri? baseUrl)
    {
        var body = new StringBuilder();
        foreach (var a in alarms.OrderBy(a => a.Level).ThenBy(a => a.RaisedAt)) AppendAlarm(body, a, baseUrl);
        foreach (var c in connections) AppendConnection(body, c, baseUrl);
        body.AppendLine("--");
        body.Append("Sent by SolarDashboard because e-mail notifications are on for your account.");
        body.AppendLine(baseUrl is null ? "" : " Change them: " + Link(baseUrl, "settings/notifications"));
        var message = new MimeMessage { Subject = Subject(alarms, connections, digest), Body = new TextPart("plain") { Text = body.ToString() } };
        message.From.Add(from);
        message.To.Add(to);
        return message;
    }

    public static string Severity(int level) => level switch { 1 => "Critical", 2 => "Major", 3 => "Minor", 4 => "Warning", _ => "Unknown" };

    /// <summary>"2026-06-17 12:05 plant time (Europe/Berlin, UTC+02:00)"; a plant known only by its offset: "(UTC+02:00)".</summary>
    public static string PlantLocal(DateTimeOffset at, string zone)
    {
        var offset = "UTC" + PlantTime.FormatOffset(PlantTime.OffsetAt(zone, at));
        var local = PlantTime.ToLocal(zone, at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{local} plant time ({(zone.Length == 6 && zone[0] is '+' or '-' ? offset : zone + ", " + offset)})";
    }

    private static string Subject(IReadOnlyList<AlarmNotice> alarms, IReadOnlyList<ConnectionNotice> connections, bool digest)
    {
        if (!digest && alarms.Count == 1 && connections.Count == 0)
            return $"{Severity(alarms[0].Level)} alarm at {alarms[0].PlantName}: {alarms[0].Name}";
        if (!digest && alarms.Count == 0 && connections.Count == 1)
            return $"The connection \"{connections[0].Name}\" needs attention";
        var parts = new List<string>();
        if (alarms.Count > 0) parts.Add($"{alarms.Count} {(digest ? "" : "new ")}alarm{(alarms.Count == 1 ? "" : "s")}");
        if (connections.Count > 0) parts.Add($"{connections.Count} connection{(connections.Count == 1 ? " needs" : "s need")} attention");
        return (digest ? "SolarDashboard daily summary: " : "SolarDashboard: ") + string.Join(", ", parts);
    }

    private static void AppendAlarm(StringBuilder text, AlarmNotice a, Uri? baseUrl)
    {
        text.AppendLine($"{Severity(a.Level)} alarm at {a.PlantName}");
        Fact(text, "Alarm", a.Name);
        Fact(text, "Severity", Severity(a.Level));
        Fact(text, "Device", a.DeviceName);
        Fact(text, "Raised", PlantLocal(a.RaisedAt, a.TimeZoneId));
        Fact(text, "Status", a.ClearedAt is { } cleared ? "cleared " + PlantLocal(cleared, a.TimeZoneId) : "still active");
        Fact(text, "Cause", a.Cause);
        Fact(text, "What to do", a.RepairSuggestion);
        if (baseUrl is not null) Fact(text, "Details", Link(baseUrl, $"alarms/{a.AlarmId}"));
        text.AppendLine();
    }

    private static void AppendConnection(StringBuilder text, ConnectionNotice c, Uri? baseUrl)
    {
        text.AppendLine($"The {c.Vendor} connection \"{c.Name}\" needs attention");
        Fact(text, "State", c.State switch
        {
            ConnectionState.NeedsReauthorization => "needs re-authorization: the vendor refused the stored consent; connect the account again to resume the sync.",
            ConnectionState.CredentialsRejected => "credentials rejected: the vendor refused the password; no sign-in is tried again until it is entered anew.",
            _ => c.State.ToString(),
        });
        Fact(text, "Last error", c.LastError);
        if (baseUrl is not null) Fact(text, "Fix it", Link(baseUrl, "connections"));
        text.AppendLine();
    }

    private static void Fact(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) text.Append("  ").Append((label + ":").PadRight(12)).AppendLine(value.Trim());
    }

    private static string Link(Uri baseUrl, string path) => new Uri(baseUrl, path).ToString();
}
