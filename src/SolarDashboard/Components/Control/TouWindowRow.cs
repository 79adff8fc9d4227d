using System.Globalization;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Components.Control;

/// <summary>One TOU window while it is edited: mutable, and allowed to be invalid so the rules can name what is wrong.</summary>
public sealed class TouWindowRow
{
    public string Start { get; set; } = "00:00";
    public string End { get; set; } = "06:00";
    public bool Charge { get; set; } = true;
    public List<int> Days { get; set; } = [1, 2, 3, 4, 5, 6, 7];

    public TouWindow ToWindow() => new(Start, End, Charge, Days.Order().ToList());

    public static TouWindowRow From(TouWindow window) => new() { Start = window.Start, End = window.End, Charge = window.Charge, Days = [.. window.Days] };

    public static IReadOnlyList<TouWindow> ToWindows(IEnumerable<TouWindowRow> rows) => rows.Select(r => r.ToWindow()).ToList();

    public static List<TouWindowRow> FromWindows(IEnumerable<TouWindow> windows) => windows.Select(From).ToList();

    public void ToggleDay(int day)
    {
        if (!Days.Remove(day)) Days.Add(day);
    }

    /// <summary>Browsers may report "07:00:00"; FusionSolar wants "HH:MM". Anything else is kept for the rules to name.</summary>
    public static string NormalizeTime(string? value) =>
        TimeOnly.TryParse(value, CultureInfo.InvariantCulture, out var t) ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : value ?? "";
}
