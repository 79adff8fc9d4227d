using Bunit;
using SolarDashboard.Components.Monitoring;
using SolarDashboard.Components.Pages;
using SolarDashboard.Core.Alarms;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Web;

/// <summary>An alarm's own page: cause and advice in full, how long it lasted, and links to its plant and device.</summary>
public sealed class AlarmPageTests : DashboardTestContext
{
    private async Task<(int AlarmId, int PlantId, int DeviceId)> SeedAsync(DateTimeOffset? cleared = null)
    {
        await using var db = await DbAsync();
        var connection = new VendorConnection { Name = "Roof", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.Connected, CreatedAt = Now };
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        var plant = new Plant { ConnectionId = connection.Id, VendorKey = "NE=1", Name = "Berlin Residence", TimeZoneId = "Europe/Berlin" };
        db.Plants.Add(plant);
        await db.SaveChangesAsync();
        var device = new Device { PlantId = plant.Id, VendorKey = "7", Name = "Inverter-1", Role = DeviceRole.Inverter, VendorType = "38", SerialNumber = "INV1" };
        db.Devices.Add(device);
        await db.SaveChangesAsync();
        var alarm = new AlarmRecord
        {
            PlantId = plant.Id, DeviceId = device.Id, DeviceName = "Inverter-1", DeviceVendorType = "38", SerialNumber = "INV1", AlarmId = 2062, Name = "Low Insulation Resistance",
            Level = 2, Cause = "A short circuit exists between the PV array and the ground.",
            RepairSuggestion = "1. Check the impedance between the PV array output and the ground. 2. Check that the PE cable of the inverter is correctly connected.",
            RaisedAt = Now.AddHours(-3).AddMinutes(-20), FirstSeenAt = Now.AddHours(-3), LastSeenAt = Now, ClearedAt = cleared,
        };
        db.Alarms.Add(alarm);
        await db.SaveChangesAsync();
        return (alarm.Id, plant.Id, device.Id);
    }

    [Fact]
    public async Task An_active_alarm_shows_its_cause_its_advice_as_steps_how_long_it_has_lasted_and_where_it_is()
    {
        var (alarmId, plantId, deviceId) = await SeedAsync();
        var page = Render<AlarmPage>(p => p.Add(x => x.Id, alarmId));
        page.WaitForAssertion(() => Assert.Equal("Low Insulation Resistance", page.Find("h1").TextContent));
        Assert.Equal("Active", page.Find("[data-testid=alarm-state]").TextContent.Trim());
        Assert.Equal("A short circuit exists between the PV array and the ground.", page.Find("[data-testid=alarm-cause]").TextContent);
        Assert.Equal(["Check the impedance between the PV array output and the ground.", "Check that the PE cable of the inverter is correctly connected."],
            page.FindAll("[data-testid=alarm-advice] li").Select(li => li.TextContent));
        Assert.Equal("3 h 20 min so far", page.Find("[data-testid=alarm-duration]").TextContent);
        Assert.Contains("2026-06-17 08:40 UTC+02:00", page.Markup); // raised 06:40 UTC, Berlin summer time
        Assert.Equal("Berlin Residence", page.Find($"a[href='plants/{plantId}']").TextContent);
        Assert.Equal("Inverter-1", page.Find($"a[href='devices/{deviceId}']").TextContent);
    }

    [Fact]
    public async Task A_cleared_alarm_says_how_long_it_lasted()
    {
        var (alarmId, _, _) = await SeedAsync(cleared: Now.AddMinutes(-40));
        var page = Render<AlarmPage>(p => p.Add(x => x.Id, alarmId));
        page.WaitForAssertion(() => Assert.Equal("2 h 40 min", page.Find("[data-testid=alarm-duration]").TextContent));
        Assert.Equal("Cleared", page.Find("[data-testid=alarm-state]").TextContent.Trim());
    }

    [Fact]
    public async Task An_alarm_of_a_plant_the_user_may_not_see_is_not_found()
    {
        var (alarmId, _, _) = await SeedAsync();
        await SetRolesAsync(AppRoles.Operator);
        var page = Render<AlarmPage>(p => p.Add(x => x.Id, alarmId));
        page.WaitForAssertion(() => Assert.Contains("There is no alarm at this address.", page.Markup));
        Assert.DoesNotContain("Low Insulation Resistance", page.Markup);
    }

    [Fact]
    public void Advice_written_as_numbered_steps_reads_as_steps_and_spans_read_in_words()
    {
        Assert.Equal(["Turn off the AC switch.", "Wait 5 minutes. Then turn it on."], AlarmText.Steps("1. Turn off the AC switch. 2. Wait 5 minutes. Then turn it on."));
        Assert.Equal(["Check the cable 2 times."], AlarmText.Steps("Check the cable 2 times."));
        Assert.Empty(AlarmText.Steps(null));
        Assert.Equal("under a minute", AlarmText.Span(TimeSpan.FromSeconds(20)));
        Assert.Equal("45 min", AlarmText.Span(TimeSpan.FromMinutes(45)));
        Assert.Equal("2 h", AlarmText.Span(TimeSpan.FromHours(2)));
        Assert.Equal("1 day 3 h", AlarmText.Span(TimeSpan.FromHours(27)));
    }
}
