namespace SolarDashboard.Components.Shared;

/// <summary>The history ranges a device chart offers, ending now.</summary>
public static class SeriesRange
{
    public static readonly IReadOnlyList<Option<string>> All =
        [new("Day", "day"), new("3 days", "3days"), new("Week", "week"), new("Month", "month"), new("Year", "year")];

    public static TimeSpan Length(string range) => range switch
    {
        "3days" => TimeSpan.FromDays(3),
        "week" => TimeSpan.FromDays(7),
        "month" => TimeSpan.FromDays(30),
        "year" => TimeSpan.FromDays(365),
        _ => TimeSpan.FromDays(1),
    };
}
