using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Demo;

/// <summary>
/// Demo mode: once the server listens, makes sure the demo installer connection exists and points at the in-process
/// sandbox on the address the app actually listens on (so <c>--urls</c> with any port works). The sync service then
/// signs in and fills the cache; a second login here would only end the sync's session.
/// </summary>
public sealed class DemoConnectionSeeder(
    IHostApplicationLifetime lifetime,
    IAppAddress appAddress,
    IDbContextFactory<SolarDbContext> dbFactory,
    SecretProtector secrets,
    SandboxWorld sandbox,
    TimeProvider time,
    ILogger<DemoConnectionSeeder> logger) : BackgroundService
{
    public const string DemoConnectionName = "Demo installer (sandbox)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        var baseUrl = SandboxBaseUrl();
        if (baseUrl is null)
        {
            logger.LogWarning("Demo mode: the server reports no listening address, so the demo connection was not created.");
            return;
        }

        var account = sandbox.Fleet.Installer;
        await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.IsDemo && c.AuthMode == AuthMode.ApiAccount, stoppingToken);
        if (connection is null)
        {
            connection = new VendorConnection
            {
                Name = DemoConnectionName, Vendor = Vendor.FusionSolar, AuthMode = AuthMode.ApiAccount, BaseUrl = baseUrl.ToString(),
                UserName = account.UserName, ProtectedSecret = secrets.Protect(account.SystemCode), State = ConnectionState.Pending,
                CreatedAt = time.GetUtcNow(), IsDemo = true,
            };
            db.Connections.Add(connection);
        }
        if (connection.BaseUrl != baseUrl.ToString())
        {
            // A new address (another port than last time): earlier failures against the old one say nothing now.
            connection.BaseUrl = baseUrl.ToString();
            connection.State = ConnectionState.Pending;
            foreach (var state in await db.SyncStates.Where(s => s.ConnectionId == connection.Id).ToListAsync(stoppingToken))
                state.NextDueAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(stoppingToken);
        logger.LogInformation("Demo mode: connection '{Name}' points at {BaseUrl}", connection.Name, baseUrl);
    }

    private Uri? SandboxBaseUrl() =>
        appAddress.Current is { } app ? new Uri(app, SandboxServiceCollectionExtensions.FusionSolarPrefix.TrimStart('/') + "/") : null;
}
