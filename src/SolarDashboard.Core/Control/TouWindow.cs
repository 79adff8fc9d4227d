namespace SolarDashboard.Core.Control;

/// <summary>A TOU window: "HH:MM" start and end, charge or discharge, repeat days 1 = Monday … 7 = Sunday.</summary>
public sealed record TouWindow(string Start, string End, bool Charge, IReadOnlyList<int> Days)
{
    /// <summary>A repeat day's short name (1 = "Mon" … 7 = "Sun").</summary>
    public static string DayName(int day) => day switch { 1 => "Mon", 2 => "Tue", 3 => "Wed", 4 => "Thu", 5 => "Fri", 6 => "Sat", 7 => "Sun", _ => "?" };
}
