using System.Globalization;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Reports;

/// <summary>
/// The plant-local key of an hour report ("2026-10-25T02:00"). A vendor's plant may know only fixed offsets, learned
/// from its daily reports, which are stamped at plant-local midnight: those midnights tell a day's offset at its start
/// and at its end. On a day whose two differ, the clock changed that night: the change is taken to happen at 02:00
/// (spring, to 03:00) or at 03:00 (autumn, back to 02:00) in the old offset, as in Europe, Australia and (within the
/// hour) North America. The hour repeated in autumn gets the new offset appended ("2026-10-25T02:00+01:00"): it sorts
/// between 02:00 and 03:00, and no hour overwrites another.
/// </summary>
public sealed class HourLabels
{
    private readonly SortedList<DateTimeOffset, TimeSpan> _midnights = [];
    private readonly TimeSpan _fallback;

    /// <param name="dayStarts">Known plant-local midnights (the starts of daily reports and of hour answers), in UTC.</param>
    /// <param name="fallbackOffset">The plant's offset when no midnight is known around an hour.</param>
    public HourLabels(IEnumerable<DateTimeOffset> dayStarts, TimeSpan fallbackOffset)
    {
        foreach (var start in dayStarts) _midnights.TryAdd(start.ToUniversalTime(), PlantTime.OffsetFromLocalMidnight(start));
        _fallback = fallbackOffset;
    }

    public string Key(DateTimeOffset hourStart)
    {
        hourStart = hourStart.ToUniversalTime();
        var index = LastAtOrBefore(hourStart);
        if (index < 0) return Format(hourStart, _fallback, false);
        var dayStart = _midnights.Keys[index];
        var before = _midnights.Values[index];
        // The next known midnight, if it is this day's end, tells whether the clock changed during the day; without it
        // the day is taken to last 24 hours.
        var nextKnown = index + 1 < _midnights.Count && _midnights.Keys[index + 1] - dayStart <= TimeSpan.FromHours(25);
        if (!nextKnown && hourStart - dayStart >= TimeSpan.FromDays(1)) return Format(hourStart, before, false);
        var after = nextKnown ? _midnights.Values[index + 1] : before;
        if (after == before) return Format(hourStart, before, false);
        var springForward = after > before;
        var change = dayStart + TimeSpan.FromHours(springForward ? 2 : 3);
        if (hourStart < change) return Format(hourStart, before, false);
        // Autumn: the first hour after the change repeats the last hour before it.
        return Format(hourStart, after, repeated: !springForward && hourStart < change + (before - after));
    }

    private int LastAtOrBefore(DateTimeOffset at)
    {
        int lo = 0, hi = _midnights.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_midnights.Keys[mid] <= at) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    private static string Format(DateTimeOffset utc, TimeSpan offset, bool repeated) =>
        utc.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:00", CultureInfo.InvariantCulture) + (repeated ? PlantTime.FormatOffset(offset) : "");
}
