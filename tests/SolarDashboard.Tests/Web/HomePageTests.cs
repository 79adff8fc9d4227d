using Bunit;
using SolarDashboard.Components.Pages;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Web;

/// <summary>The overview page: connections in plain words, and what a user without connections or a role is told.</summary>
public sealed class HomePageTests : DashboardTestContext
{
    [Fact]
    public void Without_connections_it_says_how_to_add_one()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Contains("No connections yet", page.Markup));
        Assert.Contains("Demo mode", page.Markup);
    }

    [Fact]
    public async Task Each_connection_shows_its_state_in_plain_words_and_its_last_error()
    {
        await using (var db = await DbAsync())
        {
            db.Connections.Add(new VendorConnection { Name = "Roof A", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.Connected, CreatedAt = DateTimeOffset.UnixEpoch, LastSuccessAt = DateTimeOffset.UnixEpoch });
            db.Connections.Add(new VendorConnection { Name = "Roof B", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.CredentialsRejected, LastError = "FusionSolar rejected the user name or password.", CreatedAt = DateTimeOffset.UnixEpoch, ProtectedSecret = "CfDJ8-secret" });
            await db.SaveChangesAsync();
        }
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-connection-state]").Count));
        var rejected = page.Find("[data-connection-state=CredentialsRejected]");
        Assert.Contains("Credentials rejected", rejected.TextContent);
        Assert.Contains("No further logins are tried", rejected.TextContent);
        Assert.Contains("FusionSolar rejected the user name or password.", rejected.TextContent);
        Assert.Contains("Connected", page.Find("[data-connection-state=Connected]").TextContent);
        Assert.DoesNotContain("CfDJ8-secret", page.Markup);
    }

    [Fact]
    public async Task A_signed_in_user_without_a_role_is_told_to_ask_an_administrator()
    {
        await SetRolesAsync(AppRoles.None);
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Contains("you have no role yet", page.Find("[data-testid=no-role]").TextContent));
    }

    [Fact]
    public async Task An_operator_without_connections_is_pointed_to_assigned_plants_not_to_connecting_an_account()
    {
        await SetRolesAsync(AppRoles.Operator);
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Contains("Your plants are assigned to you", page.Markup));
        Assert.DoesNotContain("Connect your FusionSolar account", page.Markup);
    }

    [Fact]
    public async Task The_overview_shows_each_plant_with_power_yield_battery_and_grid_the_faulty_one_first()
    {
        var now = Clock.GetUtcNow();
        await using (var db = await DbAsync())
        {
            var connection = new VendorConnection { Name = "Roof", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.Connected, CreatedAt = now, LastSuccessAt = now.AddMinutes(-3) };
            db.Connections.Add(connection);
            await db.SaveChangesAsync();
            var (homePlant, barn, shed) = (Plant(connection.Id, "A Home"), Plant(connection.Id, "B Barn"), Plant(connection.Id, "C Shed"));
            db.Plants.AddRange(homePlant, barn, shed);
            await db.SaveChangesAsync();
            db.PlantSummaries.AddRange(
                new PlantSummaryRow { PlantId = homePlant.Id, StandardJson = "{}", Health = Health.Healthy, PvKw = 4.32, GridKw = -3.94, PowerAt = now, Soc = 87, SocAt = now, PvKwhToday = 15.3, EnergyDate = "2026-06-17", EnergyAt = now, DataCollectedAt = now },
                new PlantSummaryRow { PlantId = barn.Id, StandardJson = "{}", Health = Health.Faulty, PvKw = 0, GridKw = 1.2, PowerAt = now, DataCollectedAt = now },
                new PlantSummaryRow { PlantId = shed.Id, StandardJson = "{}", Health = Health.Healthy, PvKw = 1, GridKw = 0.001, PowerAt = now, DataCollectedAt = now });
            await db.SaveChangesAsync();
        }

        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=plant-cards] [data-plant-id]").Count));
        var cards = page.FindAll("[data-testid=plant-cards] [data-plant-id]");
        Assert.Contains("B Barn", cards[0].TextContent); // needs attention: first
        var home = cards[1].TextContent;
        Assert.Contains("4.32 kW", home);
        Assert.Contains("87 %", home);
        Assert.Contains("3.94 kW to grid", home);
        Assert.Contains("1.20 kW from grid", cards[0].TextContent);
        Assert.Equal("balanced", cards[2].QuerySelectorAll("dd")[3].TextContent.Trim()); // under 5 W: the word, not "0.00 kW"
        Assert.Contains("Last successful contact 3 min ago", page.Find("[data-connection-state=Connected]").TextContent);

        static Plant Plant(int connection, string name) => new() { ConnectionId = connection, VendorKey = name, Name = name, TimeZoneId = "+02:00", DiscoveredAt = DateTimeOffset.UnixEpoch, LastSeenAt = DateTimeOffset.UnixEpoch };
    }
}
