using System.Globalization;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Components.Control;

/// <summary>Instants on the control pages, in plant time with the zone named: "2026-06-17 07:05:12 CEST"-style abbreviations are ambiguous, so the IANA id and offset.</summary>
public static class ControlTimes
{
    /// <summary>"2026-06-17 07:05 (Europe/Berlin, UTC+02:00)"; UTC, said so, when the plant's zone is not known.</summary>
    public static string At(DateTimeOffset at, string? zone, bool seconds = false)
    {
        var format = seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
        if (zone is null) return at.ToUniversalTime().ToString(format, CultureInfo.InvariantCulture) + " UTC";
        var offset = "UTC" + PlantTime.FormatOffset(PlantTime.OffsetAt(zone, at));
        var local = PlantTime.ToLocal(zone, at).ToString(format, CultureInfo.InvariantCulture);
        return zone.Contains('/') ? $"{local} ({zone}, {offset})" : $"{local} ({offset})";
    }
}
