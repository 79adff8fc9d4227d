using System.Globalization;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Vendors.Atess;

/// <summary>
/// Times on the ATESS wire: <c>yyyy-MM-dd HH:mm:ss</c> in the plant's local time (history's <c>startDate</c>/<c>endDate</c>
/// and every row's <c>time</c>). A plant's zone is its IANA id (or a fixed offset such as "+03:00").
/// </summary>
public static class AtessTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    public static string Local(string timeZoneId, DateTimeOffset utc) =>
        PlantTime.ToLocal(timeZoneId, utc).ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTime wall) =>
        DateTime.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out wall);

    /// <summary>
    /// The UTC instant of a plant-local time. When a DST change repeats the hour, the first instant later than
    /// <paramref name="after"/> (rows come oldest first, so the second row of a repeated time is the later one); without
    /// it, the earlier. A time skipped by a spring-forward change is read as the hour after it.
    /// </summary>
    public static DateTimeOffset ToUtc(string timeZoneId, DateTime local, DateTimeOffset? after = null)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) || !zone.IsAmbiguousTime(local)) return PlantTime.ToUtc(timeZoneId, local);
        var candidates = zone.GetAmbiguousTimeOffsets(local).Select(o => new DateTimeOffset(local, o).ToUniversalTime()).Order().ToList();
        return candidates.FirstOrDefault(c => after is null || c > after.Value, candidates[^1]);
    }

    /// <summary>Whether <paramref name="timeZoneId"/> names a zone this machine knows (an IANA id) or a fixed offset.</summary>
    public static bool IsKnownZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && (TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _)
            || (timeZoneId.Length == 6 && timeZoneId[0] is '+' or '-' && TimeSpan.TryParseExact(timeZoneId[1..], @"hh\:mm", CultureInfo.InvariantCulture, out _)));
}
