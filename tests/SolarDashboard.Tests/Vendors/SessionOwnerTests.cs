using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Users;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Testing;
using SolarDashboard.Vendors.FusionSolar;
using SolarDashboard.Vendors.FusionSolar.Auth;

namespace SolarDashboard.Tests.Vendors;

/// <summary>
/// One session owner per connection, against the sandbox: a new API account's test login is the session its sync goes on
/// with (FusionSolar allows 5 logins in 10 minutes), and an owner's sync and control share one set of OAuth tokens (a
/// refresh voids the previous access token) and one call log.
/// </summary>
public sealed class SessionOwnerTests
{
    private static async Task<VendorConnection> ConnectionAsync(SyncHarness h, int id)
    {
        await using var db = await h.DbAsync();
        return await db.Connections.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task A_new_api_account_syncs_on_the_session_of_its_test_login()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        var login = await h.Service<FusionSolarLoginClient>().LoginAsync(SandboxHost.NbiBase, "demo-installer", "demo-installer-2024");

        h.Service<FusionSolarSessions>().Adopt(await ConnectionAsync(h, id), login.XsrfToken!);
        await h.RunForAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1), [id]);

        Assert.Equal(1, sandbox.Service<FlowControl>().Snapshot("api:demo-installer").GetValueOrDefault("Login"));
        Assert.NotEmpty(await h.Queries.ListPlantsAsync(PlantScope.All));
    }

    [Fact]
    public async Task An_owners_sync_and_control_share_one_token_refresh_and_one_call_log()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddOwnerAsync("owner-anna");
        await h.RunForAsync(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1), [id]);
        var session = h.Service<FusionSolarSessions>().For(await ConnectionAsync(h, id));

        // Past the access token's hour: the sync refreshes it, and control goes on with the refreshed token.
        sandbox.Time.Advance(TimeSpan.FromMinutes(58));
        await h.RunDueAsync(id);
        var olga = new UserAccess(1, "Olga Operator", AppRoles.Operator, PlantScope.All);
        var plant = (await h.Control.ReadPlantsAsync(olga)).First(p => p.ConnectionId == id && p.ControllerOnline);
        var outcome = await h.Control.SubmitAsync(olga, new ControlSubmission(Guid.NewGuid().ToString("N"), ControlKind.ActivePower,
            [new(plant.PlantId, new FeedInParameters(true, 2, false))]));

        Assert.True(outcome.Accepted, string.Join(" | ", outcome.Problems));
        Assert.Same(session, h.Service<FusionSolarSessions>().For(await ConnectionAsync(h, id)));
        Assert.Equal(1, ((OAuthAuthenticator)session.Auth).Refreshes);
        await using var db = await h.DbAsync();
        var apis = await db.Calls.Where(c => c.ConnectionId == id).Select(c => c.Api).Distinct().ToListAsync();
        Assert.Contains("control/active-power", apis);
        Assert.Contains(apis, a => !a.StartsWith(ControlBudget.ApiPrefix, StringComparison.Ordinal));
    }
}
