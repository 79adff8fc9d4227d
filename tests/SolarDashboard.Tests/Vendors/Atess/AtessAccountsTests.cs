using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;
using SolarDashboard.Vendors.Atess;

namespace SolarDashboard.Tests.Vendors.Atess;

/// <summary>An admin adds an ATESS account: one test call before saving, the key encrypted, a refusal reported once.</summary>
public sealed class AtessAccountsTests
{
    private static readonly UserAccess Admin = new(1, "Adam", AppRoles.Admin, PlantScope.All);
    /// <summary>As an admin types it in demo mode: a path on the app's own address, where the sandbox answers.</summary>
    private const string SandboxApi = SandboxHost.Atess + "/";

    private static VendorAccountForm Form(string key = SandboxHost.AtessKey, string account = SandboxHost.AtessAccount) =>
        new() { BaseUrl = SandboxApi, AccountId = account, Secret = key };

    [Fact]
    public async Task A_good_key_is_saved_encrypted_and_its_plants_are_there_at_once_and_the_sync_goes_on_unrefused()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var requests = new ConcurrentQueue<Uri>();
        await using var h = await SyncHarness.StartAsync(sandbox, r => requests.Enqueue(r.RequestUri!));
        var accounts = h.Service<IEnumerable<IVendorAccounts>>().Single(a => a.Vendor == Vendor.Atess);

        var result = await accounts.AddAsync(Admin, Form());

        Assert.True(result.Saved, result.Message);
        Assert.Equal("Signed in at ATESS and saved: 3 plants. Their devices and values appear within a minute.", result.Message);
        await using (var db = await h.DbAsync())
        {
            var connection = await db.Connections.AsNoTracking().SingleAsync();
            Assert.Equal((Vendor.Atess, "demo-atess", "ATESS · demo-atess"), (connection.Vendor, connection.UserName, connection.Name));
            Assert.DoesNotContain(SandboxHost.AtessKey, connection.ProtectedSecret);
            Assert.Equal(SandboxHost.AtessKey, h.Secrets.Unprotect(connection.ProtectedSecret!));
            Assert.Equal(3, await db.Plants.CountAsync());
        }
        // The sync (started at once, and a round of our own) reads datalogs and devices, and is never refused the plant list.
        for (var i = 0; i < 3; i++)
        {
            await h.RunDueAsync(result.ConnectionId!.Value);
            sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await WaitForAsync(async () =>
        {
            await using var db = await h.DbAsync();
            return await db.Devices.CountAsync(d => d.VendorType == "HPS150HV") == 1;
        });
        await using (var db = await h.DbAsync())
            Assert.Empty(await db.Calls.Where(c => !c.Succeeded).ToListAsync());
        Assert.Single(requests, r => r.AbsolutePath.EndsWith("/plant/list", StringComparison.Ordinal));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition());
    }

    [Fact]
    public async Task A_refused_key_is_reported_once_and_nothing_is_saved()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var requests = new ConcurrentQueue<Uri>();
        await using var h = await SyncHarness.StartAsync(sandbox, r => requests.Enqueue(r.RequestUri!));

        var result = await h.Service<AtessAccounts>().AddAsync(Admin, Form(key: "not-the-key"));

        Assert.False(result.Saved);
        Assert.Equal("ATESS refused the account id or API key. Nothing was saved. Check both before trying again.", result.Message);
        Assert.Single(requests); // one test call, no retry
        await using var db = await h.DbAsync();
        Assert.Empty(await db.Connections.ToListAsync());
    }

    [Fact]
    public async Task Only_an_admin_adds_one_and_a_bad_form_or_address_is_refused_before_any_call()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var requests = new ConcurrentQueue<Uri>();
        await using var h = await SyncHarness.StartAsync(sandbox, r => requests.Enqueue(r.RequestUri!));
        var accounts = h.Service<AtessAccounts>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => accounts.AddAsync(new UserAccess(2, "Olga", AppRoles.Operator, PlantScope.All), Form()));
        var bad = await accounts.AddAsync(Admin, new VendorAccountForm { BaseUrl = "http://example.com/api/v1/", AccountId = "a:b", Secret = "" });
        Assert.False(bad.Saved);
        Assert.Equal(3, accounts.Validate(new VendorAccountForm { BaseUrl = "http://example.com/api/v1/", AccountId = "a:b", Secret = "" }).Count);
        Assert.Empty(accounts.Validate(new VendorAccountForm { AccountId = "acc", Secret = "key" })); // empty address: the documented one
        Assert.Equal("https://www.enerclo-atesspower.com/api/v1/", accounts.DefaultBaseUrl);
        // Another host than the documented one (here a private address) is refused before anything is sent.
        var elsewhere = await accounts.AddAsync(Admin, new VendorAccountForm { BaseUrl = "https://10.0.0.5/api/v1/", AccountId = "acc", Secret = "key" });
        Assert.Equal((false, OutboundAddressPolicy.Refused + " Nothing was saved."), (elsewhere.Saved, elsewhere.Message));
        Assert.Empty(requests);

        Assert.True((await accounts.AddAsync(Admin, Form())).Saved);
        var again = await accounts.AddAsync(Admin, Form());
        Assert.Equal((false, "This ATESS account is already connected. Nothing was saved."), (again.Saved, again.Message));
    }
}
