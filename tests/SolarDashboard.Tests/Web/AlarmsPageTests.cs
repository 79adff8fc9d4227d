using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SolarDashboard.Components.Monitoring;
using SolarDashboard.Components.Pages;
using SolarDashboard.Core.Alarms;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Tests.Web;

/// <summary>The alarm page's tabs and filters, on alarms stored in the cache.</summary>
public sealed class AlarmsPageTests : DashboardTestContext
{
    private async Task SeedAsync()
    {
        await using var db = await DbAsync();
        var connection = new VendorConnection { Name = "Roof", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.Connected, CreatedAt = Now };
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        var berlin = new Plant { ConnectionId = connection.Id, VendorKey = "NE=1", Name = "Berlin", TimeZoneId = "Europe/Berlin" };
        var lisbon = new Plant { ConnectionId = connection.Id, VendorKey = "NE=2", Name = "Lisbon", TimeZoneId = "Europe/Lisbon" };
        db.Plants.AddRange(berlin, lisbon);
        await db.SaveChangesAsync();
        AlarmRecord Alarm(Plant plant, string name, int level, string deviceType, DateTimeOffset? cleared = null) => new()
        {
            PlantId = plant.Id, Name = name, Level = level, DeviceVendorType = deviceType, DeviceName = "Device", AlarmId = level * 100,
            Cause = "The cause.", RepairSuggestion = "What to do.", RaisedAt = Now.AddHours(-3), FirstSeenAt = Now.AddHours(-3), LastSeenAt = Now, ClearedAt = cleared,
        };
        db.Alarms.AddRange(
            Alarm(berlin, "Grid loss", 1, "38"),
            Alarm(berlin, "Battery cell imbalance", 3, "39"),
            Alarm(lisbon, "String reversed", 2, "38"),
            Alarm(lisbon, "Fan fault", 2, "38", cleared: Now.AddHours(-1)));
        await db.SaveChangesAsync();
    }

    private static IReadOnlyList<string> Rows(IRenderedComponent<Alarms> page) =>
        page.FindAll("[data-testid=alarm-grid] tbody tr b").Select(b => b.TextContent).ToList();

    private static Task ChooseAsync(IRenderedComponent<Alarms> page, string label, int? value) =>
        page.InvokeAsync(() => page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == label).Instance.ValueChanged.InvokeAsync(value));

    private static Task ChooseAsync(IRenderedComponent<Alarms> page, string label, string? value) =>
        page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label).Instance.ValueChanged.InvokeAsync(value));

    [Fact]
    public async Task The_active_tab_lists_active_alarms_and_each_filter_narrows_them()
    {
        await SeedAsync();
        Render<MudPopoverProvider>();
        var page = Render<Alarms>();
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));
        Assert.Contains("Active (3)", page.Markup);
        Assert.Contains("History (1)", page.Markup);
        Assert.Equal(["Critical", "Major", "Minor"], page.FindAll("[data-testid=alarm-grid] tbody [data-severity]").Select(e => e.GetAttribute("data-severity")));

        await ChooseAsync(page, "Severity", 2);
        page.WaitForAssertion(() => Assert.Equal(["String reversed"], Rows(page)));

        await ChooseAsync(page, "Severity", (int?)null);
        // Device types by the vendor catalogue's name: FusionSolar's type 39 is a battery.
        Assert.Equal(["Battery", "Residential inverter"], AlarmFilter.DeviceTypes(await Services.GetRequiredService<PlantQueries>().GetAlarmsAsync(global::SolarDashboard.Core.Users.PlantScope.All, active: true)).Select(o => o.Text));
        await ChooseAsync(page, "Device type", "Battery");
        page.WaitForAssertion(() => Assert.Equal(["Battery cell imbalance"], Rows(page)));

        await ChooseAsync(page, "Device type", (string?)null);
        var lisbon = AlarmFilter.Plants((await Services.GetRequiredService<PlantQueries>().GetAlarmsAsync(global::SolarDashboard.Core.Users.PlantScope.All, active: true))).Single(p => p.Text == "Lisbon").Value;
        await ChooseAsync(page, "Plant", lisbon);
        page.WaitForAssertion(() => Assert.Equal(["String reversed"], Rows(page)));
    }

    [Fact]
    public async Task The_history_tab_lists_cleared_alarms_with_when_they_cleared()
    {
        await SeedAsync();
        Render<MudPopoverProvider>();
        var page = Render<Alarms>();
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));
        Assert.DoesNotContain("Cleared (plant time)", page.Markup);
        await page.InvokeAsync(() => page.FindComponent<MudTabs>().Instance.ActivatePanelAsync(1, false));
        page.WaitForAssertion(() => Assert.Equal(["Fan fault"], Rows(page)));
        Assert.Contains("Cleared (plant time)", page.Markup);
        Assert.Contains("2026-06-17 10:00 UTC+01:00", page.Markup); // cleared at 09:00 UTC, Lisbon summer time
    }
}
