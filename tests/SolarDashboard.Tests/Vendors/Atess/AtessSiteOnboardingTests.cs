using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Onboarding;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;
using SolarDashboard.Tests.Sandbox.Atess;

namespace SolarDashboard.Tests.Vendors.Atess;

/// <summary>
/// An admin onboards an ATESS site against the sandbox: add a plant, add a spare datalog, watch the sync find its BCU
/// racks without a refused call; refusals carry the vendor's words; deletes leave nothing behind at ATESS or here.
/// </summary>
public sealed class AtessSiteOnboardingTests
{
    private static readonly UserAccess Admin = new(1, "Adam", AppRoles.Admin, PlantScope.All);
    private static readonly NewSite Mombasa = new("Mombasa Hotel", 120, "Africa/Nairobi", "Kenya", "Mombasa", "Beach Road 1", -4.04, 39.67);

    private sealed record Setup(SandboxHost Sandbox, SyncHarness Harness, ISiteOnboarding Onboarding, int ConnectionId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Harness.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }

    private static async Task<Setup> StartAsync()
    {
        var sandbox = await SandboxHost.StartAsync();
        var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddAtessAsync("other-atess", "other-atess-key");
        await h.RunDueAsync(id); // the account owns nothing yet
        return new(sandbox, h, h.Service<IEnumerable<ISiteOnboarding>>().Single(), id);
    }

    /// <summary>Adds Mombasa and the sandbox's spare HPS100HV datalog, then runs the sync until both racks are listed.</summary>
    private static async Task<(string Site, string Serial)> OnboardAsync(Setup s)
    {
        var site = await s.Onboarding.AddSiteAsync(Admin, s.ConnectionId, Mombasa);
        Assert.True(site.Done, site.Message);
        var serial = (await AtessFleetView.LoadAsync(s.Sandbox)).Spare(AtessFleetView.SpareCommercial);
        var added = await s.Onboarding.AddLoggerAsync(Admin, s.ConnectionId, site.SiteKey!, serial.ToLowerInvariant() + " ");
        Assert.True(added.Done, added.Message);
        Assert.Equal($"Added datalog {serial} with 4 devices to \"Mombasa Hotel\". Its devices and battery racks appear here as soon as the sync has read them.", added.Message);
        for (var i = 0; i < 100 && (await LoggerAsync(s, serial))?.Racks.Count() != 2; i++)
        {
            await s.Harness.RunDueAsync(s.ConnectionId);
            await Task.Delay(50);
        }
        return (site.SiteKey!, serial);
    }

    private static async Task<OnboardingLogger?> LoggerAsync(Setup s, string serial) =>
        (await s.Onboarding.SitesAsync(Admin, s.ConnectionId)).SelectMany(x => x.Loggers).SingleOrDefault(l => l.Serial == serial);

    [Fact]
    public async Task An_added_site_is_listed_at_once_and_its_datalogs_racks_appear_after_the_sync_without_a_refused_call()
    {
        await using var s = await StartAsync();
        var (key, serial) = await OnboardAsync(s);

        var site = Assert.Single(await s.Onboarding.SitesAsync(Admin, s.ConnectionId));
        Assert.Equal((key, "Mombasa Hotel", "Africa/Nairobi", 120.0), (site.Key, site.Name, site.TimeZoneId, site.CapacityKwp));
        var logger = Assert.Single(site.Loggers);
        Assert.Equal(serial, logger.Serial);
        Assert.Equal(["BCU 1", "BCU 2"], logger.Racks.Select(r => r.Name));
        Assert.Contains(logger.Devices, d => d is { Role: DeviceRole.HybridInverter, Name: "HPS100HV" });
        Assert.Equal(4, site.DeviceCount);
        await using var db = await s.Harness.DbAsync();
        Assert.Empty(await db.Calls.Where(c => !c.Succeeded).Select(c => c.Api).ToListAsync());
        Assert.Contains(await db.Calls.Select(c => c.Api).ToListAsync(), a => a == "POST plant");
    }

    [Fact]
    public async Task A_badly_shaped_unknown_or_taken_serial_and_a_refused_site_are_reported_in_the_vendors_words()
    {
        await using var s = await StartAsync();
        var site = await s.Onboarding.AddSiteAsync(Admin, s.ConnectionId, Mombasa);

        var shape = await s.Onboarding.AddLoggerAsync(Admin, s.ConnectionId, site.SiteKey!, "UDL-1");
        Assert.Equal("A datalog serial is 10 letters and digits, as on the datalog's label (such as UDL0A23123). Nothing was sent.", shape.Message);
        var unknown = await s.Onboarding.AddLoggerAsync(Admin, s.ConnectionId, site.SiteKey!, "UDL0Z99999");
        Assert.Equal("ATESS does not know it (not found: dataLogSn UDL0Z99999). Check the serial on the datalog's label.", unknown.Message);
        var taken = (await AtessFleetView.LoadAsync(s.Sandbox)).DataLog(AtessFleetView.Commercial);
        var refused = await s.Onboarding.AddLoggerAsync(Admin, s.ConnectionId, site.SiteKey!, taken);
        Assert.False(refused.Done);
        Assert.Equal($"ATESS refused the request; nothing was changed (the datalog {taken} already belongs to a plant).", refused.Message);
        var zone = await s.Onboarding.AddSiteAsync(Admin, s.ConnectionId, Mombasa with { TimeZoneId = "Mars/Olympus" });
        Assert.False(zone.Done);
        Assert.Contains("timeZone is invalid: an IANA time zone", zone.Message);

        Assert.Empty(Assert.Single(await s.Onboarding.SitesAsync(Admin, s.ConnectionId)).Loggers);
    }

    [Fact]
    public async Task Deleting_a_datalog_and_then_the_site_removes_them_at_atess_and_from_the_dashboard()
    {
        await using var s = await StartAsync();
        var (key, serial) = await OnboardAsync(s);

        var removed = await s.Onboarding.DeleteLoggerAsync(Admin, s.ConnectionId, key, serial);
        Assert.True(removed.Done, removed.Message);
        var site = Assert.Single(await s.Onboarding.SitesAsync(Admin, s.ConnectionId));
        Assert.Equal((0, 0), (site.Loggers.Count, site.DeviceCount));
        var fleet = await AtessFleetView.LoadAsync(s.Sandbox);
        Assert.Equal(serial, fleet.Spare(AtessFleetView.SpareCommercial)); // back in stock: it may be added again

        var deleted = await s.Onboarding.DeleteSiteAsync(Admin, s.ConnectionId, key);
        Assert.Equal("Deleted \"Mombasa Hotel\" at ATESS and from the dashboard.", deleted.Message);
        Assert.Empty(await s.Onboarding.SitesAsync(Admin, s.ConnectionId));
        var plant = await s.Sandbox.AtessGetAsync("/plant?plantId=" + key, SandboxHost.AtessBasic("other-atess", "other-atess-key"));
        Assert.Equal(400, plant["code"]!.GetValue<int>());
        await using var db = await s.Harness.DbAsync();
        Assert.Equal(0, await db.Devices.CountAsync());
    }

    [Fact]
    public async Task Only_an_admin_may_list_add_or_delete_sites()
    {
        await using var s = await StartAsync();
        var operatorAccess = new UserAccess(2, "Olga", AppRoles.Operator, PlantScope.All);

        await Assert.ThrowsAsync<AccessDeniedException>(() => s.Onboarding.SitesAsync(operatorAccess, s.ConnectionId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.Onboarding.AddSiteAsync(operatorAccess, s.ConnectionId, Mombasa));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.Onboarding.DeleteSiteAsync(operatorAccess, s.ConnectionId, "1"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.Onboarding.AddLoggerAsync(Admin, s.ConnectionId + 99, "1", "UDL0A23123"));
    }
}
