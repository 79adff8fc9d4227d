using System.Globalization;

namespace SolarDashboard.Core.Control;

/// <summary>
/// The window a TOU editor adds: valid on its own ("HH:MM", end after start) and clear of every other window on its days, so
/// adding one never starts with an error. It takes the longest time free on every day, else the longest free on some days
/// (then only those days), at most <see cref="Length"/> long, in the other direction than the window it follows (or the last
/// window), so it never just extends a neighbour.
/// </summary>
public static class TouDefaults
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(2);

    /// <summary>The last minute a window may end at: times are HH:MM up to 23:59, and the end is exclusive.</summary>
    private const int DayEnd = 23 * 60 + 59;

    /// <summary>The new window, or null when no minute is free on any day (or the windows cannot be read).</summary>
    public static TouWindow? NewWindow(IReadOnlyList<TouWindow> existing)
    {
        var busy = new bool[8, DayEnd]; // [day 1..7, minute]
        foreach (var w in existing)
        {
            // An unreadable window could be anywhere: nothing is proposed until it is fixed.
            if (!TryMinutes(w.Start, out var start) || !TryMinutes(w.End, out var end) || end <= start) return null;
            foreach (var day in w.Days.Where(d => d is >= 1 and <= 7))
                for (var m = start; m < end && m < DayEnd; m++) busy[day, m] = true;
        }
        var everyDay = Enumerable.Range(1, 7).ToList();
        if (LongestFree(busy, everyDay) is { } all) return Window(all, Charge(existing, all.Start, everyDay), everyDay);
        // Free on some days only: the longest gap of any single day, for every day it is free on.
        var best = everyDay.Select(d => (Day: d, Gap: LongestFree(busy, [d]))).Where(x => x.Gap is not null).OrderByDescending(x => x.Gap!.Value.Length).FirstOrDefault();
        if (best.Gap is not { } gap) return null;
        var length = Math.Min(gap.Length, (int)Length.TotalMinutes);
        var days = everyDay.Where(d => Enumerable.Range(gap.Start, length).All(m => !busy[d, m])).ToList();
        return Window((gap.Start, length), Charge(existing, gap.Start, days), days);
    }

    /// <summary>The other direction than the window ending where the new one starts on its days, else than the last window.</summary>
    private static bool Charge(IReadOnlyList<TouWindow> existing, int start, IReadOnlyList<int> days)
    {
        var before = existing.LastOrDefault(w => w.End == Time(start) && w.Days.Intersect(days).Any()) ?? existing.LastOrDefault();
        return before is null || !before.Charge;
    }

    private static TouWindow Window((int Start, int Length) gap, bool charge, IReadOnlyList<int> days) =>
        new(Time(gap.Start), Time(gap.Start + Math.Min(gap.Length, (int)Length.TotalMinutes)), charge, days);

    /// <summary>The longest run of minutes free on all <paramref name="days"/>; the earliest of equal runs.</summary>
    private static (int Start, int Length)? LongestFree(bool[,] busy, IReadOnlyList<int> days)
    {
        (int Start, int Length)? best = null;
        var runStart = -1;
        for (var m = 0; m <= DayEnd; m++)
        {
            var free = m < DayEnd && days.All(d => !busy[d, m]);
            if (free && runStart < 0) runStart = m;
            if (!free && runStart >= 0)
            {
                if (best is null || m - runStart > best.Value.Length) best = (runStart, m - runStart);
                runStart = -1;
            }
        }
        return best;
    }

    private static bool TryMinutes(string text, out int minutes)
    {
        minutes = 0;
        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return false;
        minutes = t.Hour * 60 + t.Minute;
        return true;
    }

    private static string Time(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
