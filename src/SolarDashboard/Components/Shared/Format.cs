using System.Globalization;

namespace SolarDashboard.Components.Shared;

/// <summary>How numbers, units and ages read on the pages. A missing value is always "—".</summary>
public static class Format
{
    public const string Missing = "—";

    /// <summary>A number with its unit; a value that rounds to zero reads "0", never "-0".</summary>
    public static string Number(double? value, int decimals = 1, string unit = "") =>
        value is not { } v || !double.IsFinite(v) ? Missing
            : (Math.Round(v, decimals) == 0 ? 0 : v).ToString("N" + decimals, CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "");

    /// <summary>A power scaled to its size: a 380 W load, a 4.32 kW roof, a 250.4 kW hall, a 1.25 MW farm.</summary>
    public static string Kw(double? kw) => kw is not { } v || !double.IsFinite(v) ? Missing
        : Math.Abs(v) < 1 ? Number(v * 1000, 0, "W")
        : Math.Abs(v) < 10 ? Number(v, 2, "kW")
        : Math.Abs(v) < 1000 ? Number(v, 1, "kW")
        : Number(v / 1000, 2, "MW");

    /// <summary>A vendor's power value in its own unit, scaled like every other power; null when the unit is no power unit.</summary>
    public static string? Power(double value, string unit) => unit switch
    {
        "W" => Kw(value / 1000),
        "kW" => Kw(value),
        "MW" => Kw(value * 1000),
        _ => null,
    };

    public static string Kwh(double? kwh) => kwh is { } v && Math.Abs(v) >= 10_000 ? Number(v / 1000, 2, "MWh") : Number(kwh, 1, "kWh");

    public static string Percent(double? value) => Number(value, 0, "%");

    /// <summary>"just now", "4 min ago", "2 h ago", "3 days ago".</summary>
    public static string Age(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } t) return "no data yet";
        var age = now - t;
        if (age < TimeSpan.FromMinutes(1)) return "just now";
        if (age < TimeSpan.FromHours(1)) return $"{(int)age.TotalMinutes} min ago";
        if (age < TimeSpan.FromDays(1)) return $"{(int)age.TotalHours} h ago";
        return $"{(int)age.TotalDays} day{((int)age.TotalDays == 1 ? "" : "s")} ago";
    }

    /// <summary>An instant in the plant's time, with its offset ("2026-06-17 14:05 UTC+02:00").</summary>
    public static string PlantTime(DateTimeOffset at, string timeZoneId) =>
        Core.Plants.PlantTime.ToLocal(timeZoneId, at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Zone(timeZoneId, at);

    public static string Zone(string timeZoneId, DateTimeOffset at) => "UTC" + Core.Plants.PlantTime.FormatOffset(Core.Plants.PlantTime.OffsetAt(timeZoneId, at));

    /// <summary>Plant-local epoch milliseconds, for chart axes that show times as given.</summary>
    public static long LocalMs(DateTimeOffset at, string timeZoneId) => (at + Core.Plants.PlantTime.OffsetAt(timeZoneId, at)).ToUnixTimeMilliseconds();

    public static string Severity(int level) => level switch { 1 => "Critical", 2 => "Major", 3 => "Minor", 4 => "Warning", _ => "Unknown" };

    public static MudBlazor.Color SeverityColor(int level) => level switch
    {
        1 => MudBlazor.Color.Error,
        2 => MudBlazor.Color.Warning,
        3 => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };
}
