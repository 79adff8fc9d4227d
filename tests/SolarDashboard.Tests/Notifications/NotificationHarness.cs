using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Notifications;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Notifications;

/// <summary>
/// Core as the app wires it (AddSolarDashboardCore) on a real SQLite file, mail pointed at a test SMTP server, a pinned
/// clock, and a small fleet: two plants (Berlin and Lisbon) of one installer connection, each with an inverter.
/// Alarms arrive the way the sync stores them (CacheWriter.TrackAlarmsAsync).
/// </summary>
public sealed class NotificationHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 6, 17, 10, 0, 0, TimeSpan.Zero);

    private readonly string _dir;
    private readonly ServiceProvider _services;

    private NotificationHarness(string dir, ServiceProvider services, FakeTimeProvider time)
    {
        _dir = dir;
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }
    public NotificationRunner Runner => _services.GetRequiredService<NotificationRunner>();
    public NotificationPreferences Preferences => _services.GetRequiredService<NotificationPreferences>();
    public AccessService Access => _services.GetRequiredService<AccessService>();
    public int ConnectionId { get; private set; }
    public int Berlin { get; private set; }
    public int Lisbon { get; private set; }

    /// <param name="settings">More configuration (mail sign-in, say) over the test server's.</param>
    /// <param name="logs">Receives everything logged.</param>
    public static async Task<NotificationHarness> StartAsync(int mailPort, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var dir = Directory.CreateTempSubdirectory("sd-notify-").FullName;
        var values = TestMailServer.Settings(mailPort);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        values["SolarDashboard:DataDirectory"] = dir;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null) b.AddProvider(logs);
        });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        services.AddSolarDashboardCore(configuration, dir);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        var harness = new NotificationHarness(dir, services.BuildServiceProvider(), time);
        await harness.SeedAsync();
        return harness;
    }

    public async Task<SolarDbContext> DbAsync() => await _services.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync();

    private async Task SeedAsync()
    {
        await using var db = await DbAsync();
        await db.Database.MigrateAsync();
        var connection = new VendorConnection { Name = "Installer", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.Connected, CreatedAt = Start };
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        var berlin = new Plant { ConnectionId = connection.Id, VendorKey = "NE=1", Name = "Berlin Residence", TimeZoneId = "Europe/Berlin" };
        var lisbon = new Plant { ConnectionId = connection.Id, VendorKey = "NE=2", Name = "Lisbon Villa", TimeZoneId = "Europe/Lisbon" };
        db.Plants.AddRange(berlin, lisbon);
        await db.SaveChangesAsync();
        db.Devices.AddRange(
            new Device { PlantId = berlin.Id, VendorKey = "11", SerialNumber = "INV-B", Name = "Inverter Berlin", Role = DeviceRole.Inverter, VendorType = "38" },
            new Device { PlantId = lisbon.Id, VendorKey = "21", SerialNumber = "INV-L", Name = "Inverter Lisbon", Role = DeviceRole.Inverter, VendorType = "38" });
        await db.SaveChangesAsync();
        (ConnectionId, Berlin, Lisbon) = (connection.Id, berlin.Id, lisbon.Id);
    }

    /// <summary>A signed-in person with roles, an e-mail from the provider, and plants shared with them.</summary>
    public async Task<int> AddUserAsync(string name, AppRoles roles, string? email, params int[] plants)
    {
        await using var db = await DbAsync();
        var user = new AppUser { Issuer = "test", Subject = name, DisplayName = name, Email = email, Roles = roles, CreatedAt = Time.GetUtcNow() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        db.PlantGrants.AddRange(plants.Select(p => new PlantGrant { UserId = user.Id, PlantId = p, GrantedAt = Time.GetUtcNow() }));
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>The sync's answer for one plant: these alarms are active on its inverter now (others of the plant clear).</summary>
    public async Task ActiveAlarmsAsync(int plantId, params (int AlarmId, string Name, int Level, DateTimeOffset RaisedAt)[] alarms)
    {
        var (code, serial) = plantId == Berlin ? ("NE=1", "INV-B") : ("NE=2", "INV-L");
        await _services.GetRequiredService<CacheWriter>().TrackAlarmsAsync(new Dictionary<string, int> { [code] = plantId },
            alarms.Select(a => new ActiveAlarm(code, serial, plantId == Berlin ? "Inverter Berlin" : "Inverter Lisbon", "38", a.AlarmId, 1, a.Name,
                "The PV string is reversely connected.", "1. Wait until the irradiance declines at night. 2. Turn off the DC switch and correct the connection.",
                a.Level, 2, a.RaisedAt)).ToList(), Time.GetUtcNow());
    }

    public async Task<int> AlarmRecordIdAsync(int alarmId)
    {
        await using var db = await DbAsync();
        return await db.Alarms.Where(a => a.AlarmId == alarmId).Select(a => a.Id).SingleAsync();
    }

    public async Task SetConnectionStateAsync(ConnectionState state, int? ownerUserId = null)
    {
        await using var db = await DbAsync();
        var c = await db.Connections.SingleAsync(x => x.Id == ConnectionId);
        c.State = state;
        c.OwnerUserId = ownerUserId ?? c.OwnerUserId;
        c.LastError = state == ConnectionState.Connected ? null : "FusionSolar refused the sign-in.";
        if (state == ConnectionState.Connected) c.LastSuccessAt = Time.GetUtcNow();
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
