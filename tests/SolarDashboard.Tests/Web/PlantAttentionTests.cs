using Bunit;
using SolarDashboard.Components.Pages;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Tests.Web;

/// <summary>
/// A plant whose connection needs a person (re-authorization, rejected credentials): its page says why the data stopped
/// and links to the fix, and its health badge no longer shows the last "healthy" heard.
/// </summary>
public sealed class PlantAttentionTests : DashboardTestContext
{
    [Theory]
    [InlineData(ConnectionState.NeedsReauthorization, "Needs re-authorization")]
    [InlineData(ConnectionState.CredentialsRejected, "Credentials rejected")]
    public async Task Stale_data_from_a_connection_that_needs_a_person_is_explained_and_not_shown_healthy(ConnectionState state, string label)
    {
        var plant = await PlantAsync(state, dataAge: TimeSpan.FromHours(2));

        var page = Render<PlantPage>(p => p.Add(x => x.Id, plant));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=connection-attention]")));
        var alert = page.Find("[data-testid=connection-attention]").TextContent;
        Assert.Contains("No new data since 2 h ago", alert);
        Assert.Contains(label, alert);
        Assert.Equal("/connections", page.Find("[data-testid=connection-attention] a").GetAttribute("href"));
        Assert.Equal("Unknown", page.Find("[data-health]").GetAttribute("data-health"));
    }

    [Fact]
    public async Task A_connected_plant_keeps_its_health_and_shows_no_alert()
    {
        var plant = await PlantAsync(ConnectionState.Connected, dataAge: TimeSpan.FromHours(2));

        var page = Render<PlantPage>(p => p.Add(x => x.Id, plant));

        page.WaitForAssertion(() => Assert.Equal("Healthy", page.Find("[data-health]").GetAttribute("data-health")));
        Assert.Empty(page.FindAll("[data-testid=connection-attention]"));
    }

    private async Task<int> PlantAsync(ConnectionState state, TimeSpan dataAge)
    {
        var at = Clock.GetUtcNow() - dataAge;
        await using var db = await DbAsync();
        var connection = new VendorConnection { Name = "Anna's FusionSolar", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = state, CreatedAt = at };
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        var plant = new Plant { ConnectionId = connection.Id, VendorKey = "NE=1", Name = "Home", TimeZoneId = "Europe/Berlin", DiscoveredAt = at, LastSeenAt = at };
        db.Plants.Add(plant);
        await db.SaveChangesAsync();
        db.PlantSummaries.Add(new PlantSummaryRow { PlantId = plant.Id, StandardJson = "{}", Health = Health.Healthy, PvKw = 3, PowerAt = at, DataCollectedAt = at });
        await db.SaveChangesAsync();
        return plant.Id;
    }
}
