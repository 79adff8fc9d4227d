using System.Globalization;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Components.Control;

/// <summary>Where each TOU window falls on a day, and which windows clash there (the rule of 5.2.3: none may overlap on a shared day).</summary>
public static class TouWeekLayout
{
    /// <summary>The bars of <paramref name="day"/> (1 = Monday … 7 = Sunday); windows with unreadable or reversed times have none.</summary>
    public static IReadOnlyList<TouSegment> Day(IReadOnlyList<TouWindow> windows, int day)
    {
        var placed = windows.Select((w, i) => (Window: w, Number: i + 1))
            .Where(x => x.Window.Days.Contains(day) && TryMinutes(x.Window.Start, out _) && TryMinutes(x.Window.End, out _))
            .Select(x => (x.Window, x.Number, Start: Minutes(x.Window.Start), End: Minutes(x.Window.End)))
            .Where(x => x.End > x.Start)
            .ToList();
        return placed.Select(a => new TouSegment(a.Number, a.Start, a.End, a.Window.Charge,
            placed.Any(b => b.Number != a.Number && a.Start < b.End && b.Start < a.End))).ToList();
    }

    private static int Minutes(string text) => TryMinutes(text, out var m) ? m : 0;

    private static bool TryMinutes(string text, out int minutes)
    {
        minutes = 0;
        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return false;
        minutes = t.Hour * 60 + t.Minute;
        return true;
    }
}
