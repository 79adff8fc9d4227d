using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.Atess.Sync;
using SolarDashboard.Vendors.FusionSolar.Auth;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Sync;

namespace SolarDashboard.Testing;

/// <summary>
/// The real sync (syncer, client, cache writer, SQLite in a temp folder), wired by the app's own AddXxx() methods, against
/// the in-memory sandbox on the sandbox's manual clock: tests and the quota benchmark drive simulated days in seconds.
/// </summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private readonly string _dir;
    private ServiceProvider _services;

    private readonly Action<HttpRequestMessage>? _onRequest;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private SyncHarness(SandboxHost sandbox, string dir, ServiceProvider services, Action<HttpRequestMessage>? onRequest, IReadOnlyDictionary<string, string?> settings)
    {
        Sandbox = sandbox;
        _dir = dir;
        _services = services;
        _onRequest = onRequest;
        _settings = settings;
    }

    public SandboxHost Sandbox { get; }
    public FusionSolarSyncer Syncer => _services.GetRequiredService<FusionSolarSyncer>();
    public AtessSyncer AtessSyncer => _services.GetRequiredService<AtessSyncer>();
    public CacheWriter Writer => _services.GetRequiredService<CacheWriter>();
    public PlantQueries Queries => _services.GetRequiredService<PlantQueries>();
    public SecretProtector Secrets => _services.GetRequiredService<SecretProtector>();
    /// <summary>The quota view of any connection, by whichever vendor's reader knows it.</summary>
    public IQuotaReader Quota => new AnyVendorQuota(_services.GetServices<IQuotaReader>());
    public ControlLedger Control => _services.GetRequiredService<ControlLedger>();
    public ControlTracker Tracker => _services.GetRequiredService<ControlTracker>();

    /// <summary>Control options of this harness (a test may shorten the delivery timeout).</summary>
    public void ConfigureControl(Action<ControlOptions> configure) => configure(_services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ControlOptions>>().Value);

    /// <param name="onRequest">Sees every vendor request before the sandbox does.</param>
    /// <param name="settings">Extra configuration (a mail server, say), as the app would read it.</param>
    public static async Task<SyncHarness> StartAsync(SandboxHost sandbox, Action<HttpRequestMessage>? onRequest = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dir = Directory.CreateTempSubdirectory("sd-sync-").FullName;
        settings ??= new Dictionary<string, string?>();
        var harness = new SyncHarness(sandbox, dir, Build(sandbox, dir, onRequest, settings), onRequest, settings);
        await using var db = await harness.DbAsync();
        await db.Database.MigrateAsync();
        return harness;
    }

    /// <summary>
    /// The app's own registrations (<c>AddSolarDashboardCore</c>, <c>AddSolarDashboardVendors</c>) on an in-memory
    /// configuration, with only what must reach the sandbox replaced: its clock and the vendor HTTP clients' handler. A
    /// plain service provider starts no hosted service: the tests drive the sync and the tracker themselves.
    /// </summary>
    private static ServiceProvider Build(SandboxHost sandbox, string dir, Action<HttpRequestMessage>? onRequest, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["SolarDashboard:DataDirectory"] = dir,
            ["SolarDashboard:DemoMode"] = "true", // the app against its in-process sandbox: a vendor address may be a path on its own address
            ["FusionSolar:OAuth:TokenUrl"] = $"http://localhost{SandboxHost.OAuth}/rest/dp/uidm/oauth2/v1/token",
            ["FusionSolar:OAuth:ClientId"] = "123456789",
            ["FusionSolar:OAuth:ClientSecret"] = "demo-client-secret",
        }).Build();
        var services = new ServiceCollection();
        // What the host would give.
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        services.AddSingleton<IAppAddress>(new SandboxAddress()); // as in demo mode: a vendor address that is a path is the sandbox's

        services.AddSolarDashboardCore(configuration, dir);
        services.AddSolarDashboardVendors();

        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sandbox.Time));
        services.Replace(ServiceDescriptor.Singleton(sandbox.CreateClientCache(onRequest)));
        return services.BuildServiceProvider();
    }

    /// <summary>A service as the app registers it.</summary>
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<SolarDbContext> DbAsync() =>
        await _services.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync();

    /// <summary>Adds the demo installer's API-account connection (password encrypted, as the app stores it).</summary>
    public async Task<int> AddApiAccountAsync(string password = "demo-installer-2024")
    {
        await using var db = await DbAsync();
        var c = new VendorConnection
        {
            Name = "installer", BaseUrl = SandboxHost.NbiBase.ToString(), AuthMode = AuthMode.ApiAccount, UserName = "demo-installer",
            ProtectedSecret = Secrets.Protect(password), CreatedAt = Sandbox.Time.GetUtcNow(),
        };
        db.Connections.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>Runs the owner consent against the sandbox and adds the OAuth connection with its tokens.</summary>
    public async Task<int> AddOwnerAsync(string owner)
    {
        var answer = await Sandbox.ConsentAsync(owner);
        var tokens = new OAuthTokens(answer["access_token"]!.GetValue<string>(), answer["refresh_token"]!.GetValue<string>(),
            Sandbox.Time.GetUtcNow().AddSeconds(answer["expires_in"]!.GetValue<int>()), answer["scope"]!.GetValue<string>());
        await using var db = await DbAsync();
        var c = new VendorConnection
        {
            Name = owner, BaseUrl = SandboxHost.NbiBase.ToString(), AuthMode = AuthMode.OAuthConnect, UserName = owner,
            ProtectedSecret = Secrets.Protect(System.Text.Json.JsonSerializer.Serialize(tokens)), CreatedAt = Sandbox.Time.GetUtcNow(),
            GrantedScopes = tokens.Scope,
        };
        db.Connections.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>Adds an ATESS account connection against the sandbox (API key encrypted, as the app stores it).</summary>
    public async Task<int> AddAtessAsync(string accountId = SandboxHost.AtessAccount, string apiKey = SandboxHost.AtessKey)
    {
        await using var db = await DbAsync();
        var c = new VendorConnection
        {
            Name = "ATESS " + accountId, Vendor = Vendor.Atess, BaseUrl = SandboxHost.Atess + "/", AuthMode = AuthMode.ApiAccount,
            UserName = accountId, ProtectedSecret = Secrets.Protect(apiKey), CreatedAt = Sandbox.Time.GetUtcNow(),
        };
        db.Connections.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>One scheduler round for a connection, as the background service does it: by the connection's vendor's syncer.</summary>
    public async Task RunDueAsync(int connectionId)
    {
        VendorConnection connection;
        await using (var db = await DbAsync()) connection = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == connectionId);
        if (connection.State is ConnectionState.CredentialsRejected or ConnectionState.NeedsReauthorization) return;
        await _services.GetServices<IConnectionSyncer>().Single(s => s.Vendor == connection.Vendor).RunDueAsync(connection, CancellationToken.None);
    }

    /// <summary>Advances the clock in steps, running every connection's due work after each step; <paramref name="onStep"/> observes.</summary>
    public async Task RunForAsync(TimeSpan duration, TimeSpan step, IReadOnlyList<int> connectionIds, Func<Task>? onStep = null)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += step)
        {
            foreach (var id in connectionIds) await RunDueAsync(id);
            if (onStep is not null) await onStep();
            Sandbox.Time.Advance(step);
        }
    }

    /// <summary>Simulates a process restart: a new syncer with no memory; what survives is what the database holds.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build(Sandbox, _dir, _onRequest, _settings);
    }

    private sealed class AnyVendorQuota(IEnumerable<IQuotaReader> readers) : IQuotaReader
    {
        public async Task<QuotaView?> GetAsync(int connectionId, CancellationToken ct = default)
        {
            foreach (var reader in readers)
                if (await reader.GetAsync(connectionId, ct) is { } view) return view;
            return null;
        }
    }

    /// <summary>The in-memory sandbox answers on http://localhost/, as the app's own address does in demo mode.</summary>
    private sealed class SandboxAddress : IAppAddress
    {
        public Uri? Current { get; } = new("http://localhost/");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
