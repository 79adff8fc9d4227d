using System.Globalization;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>Times on the wire: <c>yyyy-MM-dd HH:mm:ss</c> in the plant's local time.</summary>
internal static class AtessTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    public static string Local(DateTimeOffset utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(utc, zone).ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTime wall) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out wall);
}
