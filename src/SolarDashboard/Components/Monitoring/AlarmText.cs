using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Monitoring;

/// <summary>How long an alarm lasted, and its advice as steps, in words for the alarm page.</summary>
public static class AlarmText
{
    /// <summary>"2 days 3 h", "3 h 5 min", "12 min", "under a minute".</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return "under a minute";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes} min";
        if (span < TimeSpan.FromDays(1)) return span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min";
        var days = (int)span.TotalDays;
        return $"{days} day{(days == 1 ? "" : "s")}{(span.Hours == 0 ? "" : $" {span.Hours} h")}";
    }

    /// <summary>Since it was raised: until it cleared, or until now while it is active.</summary>
    public static string Duration(AlarmView alarm, DateTimeOffset now) =>
        alarm.ClearedAt is { } cleared ? Span(cleared - alarm.RaisedAt) : $"{Span(now - alarm.RaisedAt)} so far";

    /// <summary>Vendor advice written "1. … 2. …" as its numbered steps; any other text as one step.</summary>
    public static IReadOnlyList<string> Steps(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        text = text.Trim();
        if (!text.StartsWith("1. ", StringComparison.Ordinal)) return [text];
        var steps = new List<string>();
        var start = 3;
        for (var n = 2; ; n++)
        {
            var next = text.IndexOf($" {n}. ", start, StringComparison.Ordinal);
            if (next < 0) break;
            steps.Add(text[start..next].Trim());
            start = next + $" {n}. ".Length;
        }
        steps.Add(text[start..].Trim());
        return steps;
    }
}
