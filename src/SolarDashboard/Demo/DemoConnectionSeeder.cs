using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Demo;

/// <summary>
/// Demo mode: once the server listens, makes sure the demo connections exist (the FusionSolar installer and the ATESS
/// account) and point at the in-process sandbox on the address the app actually listens on (so <c>--urls</c> with any
/// port works). The sync service then fills the cache; a FusionSolar login here would only end the sync's session, and
/// an ATESS call here would spend the sync's "once every 5 minutes".
/// </summary>
public sealed class DemoConnectionSeeder(
    IHostApplicationLifetime lifetime,
    IAppAddress appAddress,
    IDbContextFactory<SolarDbContext> dbFactory,
    SecretProtector secrets,
    SandboxWorld sandbox,
    SandboxOptions sandboxOptions,
    TimeProvider time,
    ILogger<DemoConnectionSeeder> logger) : BackgroundService
{
    public const string DemoConnectionName = "Demo installer (sandbox)";
    public const string AtessConnectionName = "Demo ATESS account (sandbox)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        if (appAddress.Current is not { } app)
        {
            logger.LogWarning("Demo mode: the server reports no listening address, so the demo connections were not created.");
            return;
        }

        var installer = sandbox.Fleet.Installer;
        await EnsureAsync(Vendor.FusionSolar, DemoConnectionName, new Uri(app, SandboxServiceCollectionExtensions.FusionSolarPrefix.TrimStart('/') + "/"),
            installer.UserName, installer.SystemCode, stoppingToken);
        await EnsureAsync(Vendor.Atess, AtessConnectionName, new Uri(app, SandboxServiceCollectionExtensions.AtessPrefix.TrimStart('/') + "/"),
            sandboxOptions.Atess.AccountId, sandboxOptions.Atess.ApiKey, stoppingToken);
    }

    private async Task EnsureAsync(Vendor vendor, string name, Uri baseUrl, string userName, string secret, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.IsDemo && c.Vendor == vendor && c.AuthMode == AuthMode.ApiAccount, ct);
        if (connection is null)
        {
            connection = new VendorConnection
            {
                Name = name, Vendor = vendor, AuthMode = AuthMode.ApiAccount, BaseUrl = baseUrl.ToString(), UserName = userName,
                ProtectedSecret = secrets.Protect(secret), State = ConnectionState.Pending, CreatedAt = time.GetUtcNow(), IsDemo = true,
            };
            db.Connections.Add(connection);
        }
        if (connection.BaseUrl != baseUrl.ToString())
        {
            // A new address (another port than last time): earlier failures against the old one say nothing now.
            connection.BaseUrl = baseUrl.ToString();
            connection.State = ConnectionState.Pending;
            foreach (var state in await db.SyncStates.Where(s => s.ConnectionId == connection.Id).ToListAsync(ct))
                state.NextDueAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo mode: connection '{Name}' points at {BaseUrl}", connection.Name, baseUrl);
    }
}
