using Bunit;
using SolarDashboard.Components.Monitoring;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Tests.Web;

public sealed class PeerYieldCellTests : MudTestContext
{
    private static PlantSummary Plant(double todayKwh) => new(1, 1, "FusionSolar", "Home", null, 10, "Europe/Berlin", Health.Healthy,
        new AgedValue(1, Now, false), new AgedValue(todayKwh, Now, false), new AgedValue(50, Now, false), new AlarmCounts(0, 0, 0, 0), Now, false,
        new AgedValue(0, Now, false), ConnectionState.Connected, 52.5, 13.4);

    [Fact]
    public void A_plant_far_below_its_peers_is_marked_and_the_mark_says_what_the_peers_made()
    {
        var cell = Render<PeerYieldCell>(p => p.Add(x => x.Plant, Plant(5)).Add(x => x.Peer, new PeerResult(0.5, 4, 2.1, true)));

        Assert.Contains("0.50", cell.Markup);
        var flag = cell.Find("[data-testid=peer-flag]");
        Assert.Contains("below peers", flag.TextContent);
        Assert.Equal("4 plants within 30 km made 2.10 kWh/kWp today (median)", flag.GetAttribute("title"));
    }

    [Fact]
    public void A_plant_level_with_its_peers_or_without_any_has_no_mark()
    {
        Assert.Empty(Render<PeerYieldCell>(p => p.Add(x => x.Plant, Plant(20)).Add(x => x.Peer, new PeerResult(2, 4, 2.1, false))).FindAll("[data-testid=peer-flag]"));
        Assert.Empty(Render<PeerYieldCell>(p => p.Add(x => x.Plant, Plant(20))).FindAll("[data-testid=peer-flag]"));
    }
}
