using SolarDashboard.Core.Queries;

namespace SolarDashboard.Tests.Queries;

public sealed class PeerComparisonTests
{
    // Berlin's centre, and points a given distance north of it (a degree of latitude is ~111.2 km).
    private const double Lat = 52.52, Lon = 13.405;
    private static PeerCandidate At(int id, double kmNorth, double kwhPerKwp) => new(id, Lat + kmNorth / 111.195, Lon, kwhPerKwp);

    [Fact]
    public void A_plant_below_60_percent_of_the_median_of_three_peers_within_30_km_is_flagged()
    {
        var results = PeerComparison.Compare([At(1, 0, 1.1), At(2, 5, 2.0), At(3, 10, 2.2), At(4, 29, 1.9)]);

        var r = results[1];
        Assert.Equal(3, r.PeerCount);
        Assert.Equal(2.0, r.PeerMedianKwhPerKwp!.Value, 9);
        Assert.True(r.FarBelowPeers); // 1.1 < 0.6 × 2.0 = 1.2
        Assert.False(results[2].FarBelowPeers);
    }

    [Fact]
    public void A_plant_just_above_60_percent_of_the_median_is_not_flagged()
    {
        var results = PeerComparison.Compare([At(1, 0, 1.21), At(2, 5, 2.0), At(3, 10, 2.0), At(4, 15, 2.0)]);

        Assert.False(results[1].FarBelowPeers);
    }

    [Fact]
    public void Plants_further_than_30_km_are_not_peers()
    {
        var results = PeerComparison.Compare([At(1, 0, 0.2), At(2, 5, 2.0), At(3, 10, 2.0), At(4, 31, 2.0)]);

        Assert.Equal(2, results[1].PeerCount);
        Assert.Null(results[1].PeerMedianKwhPerKwp);
        Assert.False(results[1].FarBelowPeers); // two peers are too few to judge
    }

    [Fact]
    public void Plants_east_or_west_count_by_their_great_circle_distance()
    {
        // 0.4° of longitude at 52.5° N is ~27 km; 0.5° is ~34 km.
        var results = PeerComparison.Compare([
            new PeerCandidate(1, Lat, Lon, 0.2), new PeerCandidate(2, Lat, Lon + 0.4, 2), new PeerCandidate(3, Lat, Lon - 0.4, 2),
            new PeerCandidate(4, Lat, Lon + 0.5, 2), new PeerCandidate(5, Lat + 0.1, Lon, 2)]);

        Assert.Equal(3, results[1].PeerCount);
        Assert.InRange(PeerComparison.DistanceKm(new(1, Lat, Lon, 0), new(2, Lat, Lon + 0.4, 0)), 26.5, 27.5);
    }

    [Fact]
    public void Peers_across_the_antimeridian_are_found()
    {
        // Fiji: 179.9° E and 179.9° W are 22 km apart at 17° S.
        var results = PeerComparison.Compare([
            new PeerCandidate(1, -17, 179.9, 0.2), new PeerCandidate(2, -17, -179.9, 2), new PeerCandidate(3, -17, -179.95, 2), new PeerCandidate(4, -17, 179.95, 2)]);

        Assert.Equal(3, results[1].PeerCount);
        Assert.True(results[1].FarBelowPeers);
    }

    [Fact]
    public void Nothing_is_flagged_while_the_peers_made_less_than_half_a_kwh_per_kwp()
    {
        // Dawn, or a dark winter day: every plant is "far below" a tiny median by chance.
        var results = PeerComparison.Compare([At(1, 0, 0.0), At(2, 5, 0.4), At(3, 10, 0.45), At(4, 15, 0.4)]);

        Assert.False(results[1].FarBelowPeers);
        Assert.True(PeerComparison.Compare([At(1, 0, 0.0), At(2, 5, 0.5), At(3, 10, 0.5), At(4, 15, 0.5)])[1].FarBelowPeers);
    }

    [Fact]
    public void Plants_without_a_fresh_yield_capacity_or_place_are_neither_compared_nor_peers()
    {
        var fresh = new AgedValue(10, MudNow, false);
        PlantSummary Plant(int id, double? kwp, double? lat, AgedValue today) =>
            new(id, 1, "FusionSolar", $"P{id}", null, kwp, "Europe/Berlin", SolarDashboard.Core.Measures.Health.Healthy, fresh, today, fresh,
                new AlarmCounts(0, 0, 0, 0), MudNow, false, fresh, SolarDashboard.Core.Connections.ConnectionState.Connected, lat, Lon);
        var results = PeerComparison.Compare([
            Plant(1, 10, Lat, new AgedValue(2, MudNow, false)), // 0.2 kWh/kWp
            Plant(2, 5, Lat, fresh), Plant(3, 5, Lat, fresh), // 2 kWh/kWp each
            Plant(4, null, Lat, fresh), Plant(5, 5, null, fresh), Plant(6, 5, Lat, new AgedValue(10, MudNow, true))]);

        Assert.Equal([1, 2, 3], results.Keys.Order());
        Assert.Equal(2, results[1].PeerCount);
    }

    private static readonly DateTimeOffset MudNow = new(2026, 6, 17, 10, 0, 0, TimeSpan.Zero);
}
