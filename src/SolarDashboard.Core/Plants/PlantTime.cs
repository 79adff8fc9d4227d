using System.Globalization;

namespace SolarDashboard.Core.Plants;

/// <summary>
/// Plant-local time. A plant's zone is an IANA id when known, or a fixed offset ("+02:00") learned from the vendor: the
/// FusionSolar plant list carries only an offset, and daily reports are stamped at plant-local midnight, which tells the
/// offset of each day (so DST changes are followed).
/// </summary>
public static class PlantTime
{
    public static TimeSpan OffsetAt(string timeZoneId, DateTimeOffset at)
    {
        if (TryParseOffset(timeZoneId, out var fixedOffset)) return fixedOffset;
        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone.GetUtcOffset(at) : TimeSpan.Zero;
    }

    public static DateTimeOffset ToLocal(string timeZoneId, DateTimeOffset at) => at.ToOffset(OffsetAt(timeZoneId, at));

    public static DateOnly LocalDate(string timeZoneId, DateTimeOffset at) => DateOnly.FromDateTime(ToLocal(timeZoneId, at).DateTime);

    /// <summary>The UTC instant of a plant-local wall-clock time (the later one when a DST change repeats it).</summary>
    public static DateTimeOffset ToUtc(string timeZoneId, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (TryParseOffset(timeZoneId, out var fixedOffset)) return new DateTimeOffset(local, fixedOffset).ToUniversalTime();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone)) return new DateTimeOffset(local, TimeSpan.Zero);
        // A time skipped by a spring-forward change does not exist: the hour after it is meant.
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offsets = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : [zone.GetUtcOffset(local)];
        return new DateTimeOffset(local, offsets.Min()).ToUniversalTime();
    }

    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>The offset of a day whose vendor timestamp is that day's local midnight.</summary>
    public static TimeSpan OffsetFromLocalMidnight(DateTimeOffset localMidnightUtc)
    {
        var secondsIntoUtcDay = localMidnightUtc.ToUnixTimeSeconds() % 86400;
        var offset = TimeSpan.FromSeconds(secondsIntoUtcDay == 0 ? 0 : 86400 - secondsIntoUtcDay);
        return offset > TimeSpan.FromHours(14) ? offset - TimeSpan.FromDays(1) : offset; // UTC-12 … UTC+14
    }

    /// <summary>The plant-local date of a vendor period start, tolerant of an offset that is off by up to ±11 hours (DST).</summary>
    public static DateOnly PeriodDate(string timeZoneId, DateTimeOffset startsAt) =>
        DateOnly.FromDateTime(ToLocal(timeZoneId, startsAt).AddHours(12).DateTime.Date);

    private static bool TryParseOffset(string id, out TimeSpan offset)
    {
        offset = default;
        if (id.Length != 6 || (id[0] != '+' && id[0] != '-')) return false;
        if (!TimeSpan.TryParseExact(id[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var t)) return false;
        offset = id[0] == '-' ? -t : t;
        return true;
    }
}
