using System.Text.Json;

namespace SolarDashboard.Vendors.Atess.Sync;

/// <summary>
/// What one device's history already holds, kept so that no row is asked for twice: closed UTC intervals within which
/// every upload is stored (both ends inclusive). A fetched history window covers its whole span, rows or not. Two latest
/// uploads at most <see cref="UploadGap"/> apart cover the time between them (uploads come every 5 minutes, so none
/// fits between). The newest covered instant is the newest upload seen: history is never asked beyond it. A window
/// whose pages are not all read yet is <see cref="Pending"/>.
/// </summary>
internal sealed class HistoryCoverage
{
    /// <summary>The most two consecutive uploads are apart (5 minutes and a little jitter).</summary>
    public static readonly TimeSpan UploadGap = TimeSpan.FromMinutes(6);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<Span> Covered { get; set; } = [];

    public Window? Pending { get; set; }

    public sealed record Span(DateTimeOffset From, DateTimeOffset To);

    /// <summary>A history request in progress: its plant-local bounds as sent, and the next page to read.</summary>
    public sealed record Window(DateTimeOffset From, DateTimeOffset To, int NextPage);

    public DateTimeOffset? Newest => Covered.Count == 0 ? null : Covered[^1].To;

    /// <summary>Where the history that runs without a gap up to the newest upload starts.</summary>
    public DateTimeOffset? ContinuousFrom => Covered.Count == 0 ? null : Covered[^1].From;

    /// <summary>A latest upload: joins the neighbour it directly follows.</summary>
    public void AddUpload(DateTimeOffset at) => Add(new Span(at, at), UploadGap);

    /// <summary>A history window read to its last page.</summary>
    public void AddWindow(DateTimeOffset from, DateTimeOffset to) => Add(new Span(from, to), Second);

    /// <summary>
    /// The next window to ask for: the newest gap no older than <paramref name="floor"/>, its newest
    /// <paramref name="maxSpan"/> (so one page holds it); null when history is complete.
    /// </summary>
    public Span? NextGap(DateTimeOffset floor, TimeSpan maxSpan)
    {
        for (var i = Covered.Count - 1; i >= 0; i--)
        {
            var end = Covered[i].From - Second;
            var start = i > 0 ? Covered[i - 1].To + Second : floor;
            if (start < floor) start = floor;
            if (end < start) continue;
            return new Span(end - maxSpan > start ? end - maxSpan : start, end);
        }
        return null;
    }

    private void Add(Span span, TimeSpan tolerance)
    {
        Covered.Add(span);
        Covered.Sort((a, b) => a.From.CompareTo(b.From));
        var merged = new List<Span>(Covered.Count);
        foreach (var s in Covered)
        {
            if (merged.Count > 0 && s.From - merged[^1].To <= tolerance)
                merged[^1] = merged[^1] with { To = s.To > merged[^1].To ? s.To : merged[^1].To };
            else merged.Add(s);
        }
        Covered = merged;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static HistoryCoverage Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return new();
        try
        {
            return JsonSerializer.Deserialize<HistoryCoverage>(json, Json) ?? new();
        }
        catch (JsonException)
        {
            return new(); // an unreadable cursor costs a re-read, never a gap
        }
    }
}
