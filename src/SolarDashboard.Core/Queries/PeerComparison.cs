namespace SolarDashboard.Core.Queries;

/// <summary>
/// Flags a plant whose specific yield today is far below that of its peers in the same place, where the sky was the same:
/// <list type="bullet">
/// <item>peers: the other plants within <see cref="RadiusKm"/> (great-circle distance between their coordinates) with a
/// fresh yield and a capacity;</item>
/// <item>flagged: at least <see cref="MinPeers"/> such peers, their median at least <see cref="MinMedianKwhPerKwp"/>
/// (so dawn and dark winter days flag nothing), and the plant below <see cref="FlagBelowShare"/> of that median.</item>
/// </list>
/// A plant without coordinates, capacity or a fresh yield today is neither compared nor a peer.
/// </summary>
public static class PeerComparison
{
    public const double RadiusKm = 30;
    public const int MinPeers = 3;
    public const double FlagBelowShare = 0.6;
    public const double MinMedianKwhPerKwp = 0.5;

    private const double EarthRadiusKm = 6371.0;
    private const double KmPerDegreeLatitude = Math.PI * EarthRadiusKm / 180;

    /// <summary>Each comparable plant's result, by plant id.</summary>
    public static IReadOnlyDictionary<int, PeerResult> Compare(IEnumerable<PlantSummary> plants) =>
        Compare(plants.Where(p => !p.TodayYieldKwh.IsStale && p.SpecificYieldToday is not null && p.Latitude is not null && p.Longitude is not null)
            .Select(p => new PeerCandidate(p.Id, p.Latitude!.Value, p.Longitude!.Value, p.SpecificYieldToday!.Value)));

    public static IReadOnlyDictionary<int, PeerResult> Compare(IEnumerable<PeerCandidate> candidates)
    {
        // Sorted by latitude, only plants within the radius north-south are measured: a sweep, not every pair.
        var sorted = candidates.OrderBy(c => c.Latitude).ToArray();
        var band = RadiusKm / KmPerDegreeLatitude;
        var results = new Dictionary<int, PeerResult>(sorted.Length);
        var start = 0;
        var peers = new List<double>();
        for (var i = 0; i < sorted.Length; i++)
        {
            var me = sorted[i];
            while (sorted[start].Latitude < me.Latitude - band) start++;
            peers.Clear();
            // East-west, a degree shrinks towards the poles: skip what is surely too far before the exact distance.
            var lonBand = band / Math.Max(0.01, Math.Cos(me.Latitude * Math.PI / 180));
            for (var j = start; j < sorted.Length && sorted[j].Latitude <= me.Latitude + band; j++)
            {
                var dLon = Math.Abs(sorted[j].Longitude - me.Longitude);
                if (j == i || Math.Min(dLon, 360 - dLon) > lonBand * 1.01) continue;
                if (DistanceKm(me, sorted[j]) <= RadiusKm) peers.Add(sorted[j].KwhPerKwp);
            }
            double? median = peers.Count >= MinPeers ? Median(peers) : null;
            var flagged = median is >= MinMedianKwhPerKwp && me.KwhPerKwp < FlagBelowShare * median.Value;
            results[me.PlantId] = new PeerResult(me.KwhPerKwp, peers.Count, median, flagged);
        }
        return results;
    }

    /// <summary>Haversine distance, good to well under a kilometre at these ranges.</summary>
    public static double DistanceKm(PeerCandidate a, PeerCandidate b)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(b.Latitude - a.Latitude);
        var dLon = Rad(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
