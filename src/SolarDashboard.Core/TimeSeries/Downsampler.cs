namespace SolarDashboard.Core.TimeSeries;

/// <summary>
/// Largest-Triangle-Three-Buckets: keeps the points that shape the curve (peaks, dips) when a series has more points than a
/// screen can show. The first and last points are always kept.
/// </summary>
public static class Downsampler
{
    public static IReadOnlyList<SeriesPoint> Lttb(IReadOnlyList<SeriesPoint> points, int maxPoints)
    {
        if (maxPoints < 3) throw new ArgumentOutOfRangeException(nameof(maxPoints), "At least 3 points are needed.");
        if (points.Count <= maxPoints) return points;

        var result = new List<SeriesPoint>(maxPoints) { points[0] };
        var bucketSize = (double)(points.Count - 2) / (maxPoints - 2);
        var previous = 0;
        for (var b = 0; b < maxPoints - 2; b++)
        {
            var start = (int)Math.Floor(b * bucketSize) + 1;
            var end = (int)Math.Floor((b + 1) * bucketSize) + 1;
            var nextStart = end;
            var nextEnd = Math.Min((int)Math.Floor((b + 2) * bucketSize) + 1, points.Count);
            double avgX = 0, avgY = 0;
            var n = Math.Max(1, nextEnd - nextStart);
            for (var i = nextStart; i < nextEnd; i++)
            {
                avgX += points[i].Time.ToUnixTimeSeconds();
                avgY += points[i].Value;
            }
            if (nextEnd <= nextStart) { avgX = points[^1].Time.ToUnixTimeSeconds(); avgY = points[^1].Value; }
            else { avgX /= n; avgY /= n; }

            double ax = points[previous].Time.ToUnixTimeSeconds(), ay = points[previous].Value;
            var best = start;
            var bestArea = -1.0;
            for (var i = start; i < end; i++)
            {
                var area = Math.Abs((ax - avgX) * (points[i].Value - ay) - (ax - points[i].Time.ToUnixTimeSeconds()) * (avgY - ay));
                if (area > bestArea) { bestArea = area; best = i; }
            }
            result.Add(points[best]);
            previous = best;
        }
        result.Add(points[^1]);
        return result;
    }
}
