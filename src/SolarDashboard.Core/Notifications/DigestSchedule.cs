using System.Globalization;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Notifications;

/// <summary>
/// The daily digest goes out at 07:00 in the zone of the user's plants: the zone most of the plants they may see share
/// (ties: the first in ordinal order), or the configured zone for a user who sees none.
/// </summary>
public static class DigestSchedule
{
    public static readonly TimeSpan LocalTime = TimeSpan.FromHours(7);

    public static string ZoneOf(IEnumerable<string> plantZones, string fallback) =>
        plantZones.GroupBy(z => z, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? fallback;

    /// <summary>The first 07:00 in <paramref name="zone"/> after <paramref name="after"/> (a day with a clock change included).</summary>
    public static DateTimeOffset NextAfter(string zone, DateTimeOffset after)
    {
        var today = PlantTime.ToLocal(zone, after).Date;
        var due = PlantTime.ToUtc(zone, today + LocalTime);
        return due > after ? due : PlantTime.ToUtc(zone, today.AddDays(1) + LocalTime);
    }

    /// <summary>"07:00 Europe/Berlin", or "07:00 UTC+02:00" for a plant known only by its offset.</summary>
    public static string Describe(string zone) =>
        LocalTime.ToString(@"hh\:mm", CultureInfo.InvariantCulture) + " " + (zone.Length == 6 && zone[0] is '+' or '-' ? "UTC" + zone : zone);
}
