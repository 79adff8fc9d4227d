using System.Net;
using System.Net.Sockets;
using Flurl.Http.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SolarDashboard.Core;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;
using SolarDashboard.Core.Connections;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.FusionSolar;
using SolarDashboard.Vendors.FusionSolar.Consent;

namespace SolarDashboard.Tests.Security;

/// <summary>The API-account form (issue 15): a typed address cannot make the server connect to loopback or a private network.</summary>
public sealed class ApiAccountAddressTests
{
    private static readonly UserAccess Admin = new(1, "Adam", AppRoles.Admin, PlantScope.All);

    [Theory]
    [InlineData("https://127.0.0.1:{port}/")]
    [InlineData("https://localhost:{port}/")]
    [InlineData("https://169.254.169.254/")]
    public async Task A_loopback_or_link_local_address_is_refused_before_any_connection_and_nothing_is_saved(string typed)
    {
        // Something listens on loopback: the server must not even knock.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var accounts = h.Service<FusionSolarApiAccounts>();

        var result = await accounts.AddAsync(Admin, new VendorAccountForm { BaseUrl = typed.Replace("{port}", port.ToString()), AccountId = "u", Secret = "p" });

        Assert.False(result.Saved);
        Assert.StartsWith(OutboundAddressPolicy.Refused, result.Message);
        Assert.False(listener.Pending());
        await using var db = await h.DbAsync();
        Assert.Equal(0, await db.Connections.CountAsync());
    }

    [Fact]
    public async Task A_host_whose_name_resolves_to_loopback_is_refused_when_connecting()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // Allowed by name (an operator's entry), but its address is loopback: the connection itself is refused.
        var policy = new OutboundAddressPolicy(Options.Create(new OutboundAddressOptions { AllowedHosts = ["localhost"] }), Options.Create(new CoreOptions()), new NoAddress());
        var login = new FusionSolarLoginClient(new VendorHttp(new FlurlClientCache(), policy), NullLogger<FusionSolarLoginClient>.Instance);

        var result = await login.LoginAsync(new Uri($"https://localhost:{port}/"), "u", "p");

        Assert.Equal(LoginOutcome.Unavailable, result.Outcome);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Every_failure_to_reach_a_typed_host_reads_the_same()
    {
        // A closed port and an open port that is not FusionSolar must not be told apart by the answer.
        using var open = new TcpListener(IPAddress.Loopback, 0);
        open.Start();
        var openPort = ((IPEndPoint)open.LocalEndpoint).Port;
        var closedPort = FreePort();
        var policy = new OutboundAddressPolicy(Options.Create(new OutboundAddressOptions { AllowedHosts = ["127.0.0.1"], AllowPrivateNetworks = true }),
            Options.Create(new CoreOptions()), new NoAddress());
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var accounts = new FusionSolarApiAccounts(h.Service<IDbContextFactory<SolarDashboard.Core.Data.SolarDbContext>>(), h.Secrets,
            new FusionSolarLoginClient(new VendorHttp(new FlurlClientCache(), policy), NullLogger<FusionSolarLoginClient>.Instance),
            new NoAddress(), policy, h.Service<SolarDashboard.Core.Sync.ConnectionSyncRunner>(), h.Service<SolarDashboard.Vendors.FusionSolar.FusionSolarSessions>(), TimeProvider.System);
        _ = Task.Run(async () => { using var c = await open.AcceptTcpClientAsync(); c.GetStream().Write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8); await Task.Delay(500); });

        var closed = await accounts.AddAsync(Admin, new VendorAccountForm { BaseUrl = $"https://127.0.0.1:{closedPort}/", AccountId = "u", Secret = "p" });
        var notFusionSolar = await accounts.AddAsync(Admin, new VendorAccountForm { BaseUrl = $"https://127.0.0.1:{openPort}/", AccountId = "u", Secret = "p" });

        Assert.False(closed.Saved);
        Assert.Equal(closed.Message, notFusionSolar.Message);
        Assert.StartsWith(FusionSolarApiAccounts.NotReached, closed.Message);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private sealed class NoAddress : IAppAddress
    {
        public Uri? Current => null;
    }
}
