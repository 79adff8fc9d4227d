using System.Globalization;
using SolarDashboard.Core.Redex;

namespace SolarDashboard.Components.Registry;

/// <summary>The registry page's words: states, progress, deadlines and months.</summary>
public static class RegistryTexts
{
    public static string State(ExportState state) => state switch
    {
        ExportState.Held => "Held",
        ExportState.Pending => "Pending",
        ExportState.Sent => "Sent",
        ExportState.Processing => "Processing",
        ExportState.Success => "Succeeded",
        ExportState.Failed => "Failed",
        _ => "Unknown",
    };

    /// <summary>"85 of 90 days succeeded · 3 in progress · 2 held": a backlog's progress in words.</summary>
    public static string Progress(RegistryInverterView v)
    {
        var total = v.Days.Values.Sum();
        if (total == 0) return "No day to send yet";
        var inFlight = v.Count(ExportState.Pending) + v.Count(ExportState.Sent) + v.Count(ExportState.Processing);
        var parts = new List<string> { $"{v.Count(ExportState.Success)} of {total} days succeeded" };
        if (inFlight > 0) parts.Add($"{inFlight} in progress");
        if (v.Count(ExportState.Held) > 0) parts.Add($"{v.Count(ExportState.Held)} held");
        if (v.Count(ExportState.Failed) > 0) parts.Add($"{v.Count(ExportState.Failed)} failed");
        if (v.Count(ExportState.Unknown) > 0) parts.Add($"{v.Count(ExportState.Unknown)} unknown");
        return string.Join(" · ", parts);
    }

    /// <summary>"January–June 2026: by 31 May 2027".</summary>
    public static string Deadline(CertificateDeadline d) =>
        $"{d.From.ToString("MMMM", CultureInfo.InvariantCulture)}–{d.To.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}: by {d.Due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
