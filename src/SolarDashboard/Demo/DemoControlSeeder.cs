using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Sandbox.Simulation;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.FusionSolar.Auth;
using SolarDashboard.Vendors.FusionSolar.Consent;

namespace SolarDashboard.Demo;

/// <summary>
/// Demo mode: lets the demo operator try control right after signing in. A sandbox FusionSolar owner (not Anna, who still
/// walks the consent flow herself) grants basic and control scopes: the sandbox issues the authorization code server-side,
/// as if the owner had ticked both boxes on its consent page, and the code is exchanged at the sandbox's token endpoint over
/// HTTP like any consent. The tokens are stored encrypted on an owner-consent connection, and the owner's plant, once the
/// sync has found it, is assigned to the operator (whose user row is created ahead of the first sign-in if need be).
/// </summary>
public sealed class DemoControlSeeder(
    IHostApplicationLifetime lifetime,
    IAppAddress appAddress,
    IDbContextFactory<SolarDbContext> dbFactory,
    SecretProtector secrets,
    SandboxWorld sandbox,
    OAuthServer oauth,
    FusionSolarOAuthSettingsProvider oauthSettings,
    VendorHttp http,
    ConnectionSyncRunner syncRunner,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    public const string ConnectionName = "Demo owner with control consent (sandbox)";
    public const string OwnerSetting = "SolarDashboard:Demo:ControlOwner";
    public const string OperatorSetting = "SolarDashboard:Demo:ControlOperator";

    /// <summary>The sandbox identity provider's subject for a user name (its id_tokens carry "sandbox|" + name).</summary>
    public static string SandboxSubject(string userName) => "sandbox|" + userName;

    private readonly ILogger _logger = loggers.CreateLogger<DemoControlSeeder>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stoppingToken);
        var ownerName = configuration[OwnerSetting];
        var operatorName = configuration[OperatorSetting];
        if (appAddress.Current is not { } app || string.IsNullOrEmpty(ownerName) || string.IsNullOrEmpty(operatorName)) return;
        if (sandbox.Fleet.Owners.FirstOrDefault(o => o.UserName == ownerName) is not { } simOwner)
        {
            _logger.LogWarning("Demo mode: the sandbox has no FusionSolar owner {Owner}, so the operator gets no plant to control.", ownerName);
            return;
        }

        int connectionId, operatorId;
        try
        {
            connectionId = await EnsureConsentAsync(app, simOwner, stoppingToken);
            operatorId = await EnsureOperatorAsync(app, operatorName, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A demo convenience must never stop the app (a background service's exception would end the host).
            _logger.LogWarning("Demo mode: the demo owner's control consent could not be made ({Reason}); the operator gets no plant to control.", ex.Message);
            return;
        }
        // The plant appears once the sync has read the owner's plant list (started at once, so within seconds).
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), time);
        do
        {
            if (await AssignAsync(connectionId, operatorId, stoppingToken)) return;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The demo owner connection with live tokens: kept when it exists, else consented now. Its id.</summary>
    private async Task<int> EnsureConsentAsync(Uri app, SimOwner simOwner, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Connections.FirstOrDefaultAsync(c => c.IsDemo && c.AuthMode == AuthMode.OAuthConnect, ct);
        if (existing is { ProtectedSecret: not null }) return existing.Id;

        // The owner signs in and allows both permission sets; the redirect URI is this app's own callback, as in a real consent.
        var owner = oauth.CheckOwner(simOwner.UserName, simOwner.Password) ?? throw new InvalidOperationException("The sandbox refused its own owner.");
        var redirectUri = new Uri(app, FusionSolarConsent.CallbackPath.TrimStart('/')).ToString();
        var code = oauth.IssueCode(owner, oauth.Client.ClientId, redirectUri, new HashSet<string> { FusionSolarConsent.BasicScope, FusionSolarConsent.ControlScope });
        var tokens = await new FusionSolarOAuthClient(http, oauthSettings.Get(), time, loggers.CreateLogger<FusionSolarOAuthClient>())
            .ExchangeCodeAsync(code, redirectUri, ct);

        var connection = existing ?? new VendorConnection
        {
            Name = ConnectionName, Vendor = Vendor.FusionSolar, AuthMode = AuthMode.OAuthConnect, BaseUrl = oauthSettings.Options.ApiBaseUrl,
            UserName = simOwner.UserName, CreatedAt = time.GetUtcNow(), IsDemo = true,
        };
        if (existing is null) db.Connections.Add(connection);
        connection.ProtectedSecret = secrets.Protect(JsonSerializer.Serialize(tokens));
        connection.GrantedScopes = tokens.Scope;
        connection.State = ConnectionState.Pending;
        await db.SaveChangesAsync(ct);
        syncRunner.StartNow(connection.Id);
        _logger.LogInformation("Demo mode: sandbox owner {Owner} consented to connection {Id} with scopes {Scopes}", simOwner.UserName, connection.Id, tokens.Scope);
        return connection.Id;
    }

    /// <summary>
    /// The operator's user row as their first sign-in will find it: the sandbox provider's issuer is this app's address plus its
    /// path, and its subject is "sandbox|" + the user name. A sign-in updates the row; the roles then come from the provider.
    /// </summary>
    private async Task<int> EnsureOperatorAsync(Uri app, string operatorName, CancellationToken ct)
    {
        var issuer = new Uri(app, SandboxServiceCollectionExtensions.IdentityPrefix.TrimStart('/')).ToString().TrimEnd('/');
        var subject = SandboxSubject(operatorName);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Issuer == issuer && u.Subject == subject, ct);
        if (user is null)
        {
            user = new AppUser
            {
                Issuer = issuer, Subject = subject, DisplayName = operatorName, UserName = operatorName, Roles = AppRoles.Operator,
                RolesFromProvider = true, CreatedAt = time.GetUtcNow(), LastSignInAt = time.GetUtcNow(),
            };
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
        }
        return user.Id;
    }

    /// <summary>Assigns the connection's plants to the operator; true once there were plants to assign.</summary>
    private async Task<bool> AssignAsync(int connectionId, int operatorId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plants = await db.Plants.Where(p => p.ConnectionId == connectionId).Select(p => p.Id).ToListAsync(ct);
        if (plants.Count == 0) return false;
        var granted = await db.PlantGrants.Where(g => g.UserId == operatorId).Select(g => g.PlantId).ToListAsync(ct);
        foreach (var plantId in plants.Except(granted))
            db.PlantGrants.Add(new PlantGrant { UserId = operatorId, PlantId = plantId, GrantedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false; // an admin saved the operator's plants meanwhile: look again on the next tick
        }
        _logger.LogInformation("Demo mode: the demo operator may control plants {Plants}", string.Join(", ", plants));
        return true;
    }
}
