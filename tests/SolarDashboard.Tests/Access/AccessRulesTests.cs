using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SolarDashboard.Core;
using SolarDashboard.Core.Alarms;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Access;

/// <summary>
/// The role and per-plant rules, in the service layer, over a real SQLite file: an installer fleet (plant A, admin-added),
/// Anna's own connection (plant B), Ben's (plant C); Olga is assigned plant A. Every read gives "not found" outside the scope.
/// </summary>
public sealed class AccessRulesTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sd-access-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;
    private int _admin, _olga, _anna, _ben, _nobody, _plantA, _plantB, _plantC, _deviceB, _annaConnection;

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        // The app's own registrations, with the data in a temp folder and the clock pinned.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SolarDashboard:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSolarDashboardCore(configuration, _dir);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        _services = services.BuildServiceProvider();

        await using var db = await Get<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var now = _time.GetUtcNow();
        AppUser User(string name, AppRoles roles) => new() { Issuer = "https://idp", Subject = name, DisplayName = name, UserName = name, Roles = roles, CreatedAt = now, LastSignInAt = now };
        var users = new[] { User("adam", AppRoles.Admin), User("olga", AppRoles.Operator), User("anna", AppRoles.Owner), User("ben", AppRoles.Owner), User("nobody", AppRoles.None) };
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        (_admin, _olga, _anna, _ben, _nobody) = (users[0].Id, users[1].Id, users[2].Id, users[3].Id, users[4].Id);

        VendorConnection Connection(string name, int? owner) => new()
        {
            Name = name, BaseUrl = "https://eu5.fusionsolar.huawei.com/", AuthMode = owner is null ? AuthMode.ApiAccount : AuthMode.OAuthConnect,
            OwnerUserId = owner, ProtectedSecret = Get<SecretProtector>().Protect("secret-" + name), State = ConnectionState.Connected, CreatedAt = now,
        };
        var connections = new[] { Connection("installer", null), Connection("anna", _anna), Connection("ben", _ben) };
        db.Connections.AddRange(connections);
        await db.SaveChangesAsync();
        _annaConnection = connections[1].Id;

        Plant NewPlant(int connection, string name) => new() { ConnectionId = connection, VendorKey = "NE=" + name, Name = name, TimeZoneId = "Europe/Berlin", DiscoveredAt = now, LastSeenAt = now };
        var plants = new[] { NewPlant(connections[0].Id, "Plant A"), NewPlant(connections[1].Id, "Plant B"), NewPlant(connections[2].Id, "Plant C") };
        db.Plants.AddRange(plants);
        await db.SaveChangesAsync();
        (_plantA, _plantB, _plantC) = (plants[0].Id, plants[1].Id, plants[2].Id);
        var device = new Device { PlantId = _plantB, VendorKey = "1", Name = "Inverter B", Role = DeviceRole.Inverter, VendorType = "38" };
        db.Devices.Add(device);
        db.Alarms.Add(new AlarmRecord { PlantId = _plantB, AlarmId = 1, Name = "Alarm on B", Level = 2, RaisedAt = now, FirstSeenAt = now, LastSeenAt = now });
        db.Reports.Add(new PeriodReport { PlantId = _plantB, Period = ReportPeriod.Day, LocalStart = "2026-11-20", StartsAt = now, ValuesJson = "{\"inverter_power\":12.5}" });
        db.PlantGrants.Add(new PlantGrant { UserId = _olga, PlantId = _plantA, GrantedAt = now });
        await db.SaveChangesAsync();
        _deviceB = device.Id;
        // Seeded behind the ingest's back: the plants' summaries (which count their alarms) are built as the ingest would.
        await Get<PlantSummaries>().RefreshAsync(plants.Select(p => p.Id).ToList());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    private Task<UserAccess> As(int userId) => Get<AccessService>().ForUserAsync(userId);

    private async Task<int[]> VisiblePlantsAsync(int userId) =>
        (await Get<PlantQueries>().ListPlantsAsync((await As(userId)).Plants)).Select(p => p.Id).Order().ToArray();

    [Fact]
    public async Task Each_role_sees_exactly_its_plants()
    {
        Assert.Equal([_plantA, _plantB, _plantC], await VisiblePlantsAsync(_admin));
        Assert.Equal([_plantA], await VisiblePlantsAsync(_olga));
        Assert.Equal([_plantB], await VisiblePlantsAsync(_anna));
        Assert.Equal([_plantC], await VisiblePlantsAsync(_ben));
        Assert.Empty(await VisiblePlantsAsync(_nobody));
        Assert.Empty(await VisiblePlantsAsync(9999)); // an unknown user id (deleted since the cookie was issued)
    }

    [Fact]
    public async Task Another_owners_plant_is_not_found_through_any_read()
    {
        var queries = Get<PlantQueries>();
        var ben = (await As(_ben)).Plants;
        var anna = (await As(_anna)).Plants;
        var now = _time.GetUtcNow();

        Assert.NotNull(await queries.GetPlantAsync(anna, _plantB));
        Assert.Null(await queries.GetPlantAsync(ben, _plantB));
        Assert.NotNull(await queries.GetDeviceAsync(anna, _deviceB));
        Assert.Null(await queries.GetDeviceAsync(ben, _deviceB));
        Assert.Single(await queries.ListDevicesAsync(anna, _plantB));
        Assert.Empty(await queries.ListDevicesAsync(ben, _plantB));
        Assert.Empty(await queries.GetTodayCurvesAsync(ben, _plantB));
        Assert.Single(await queries.GetReportsAsync(anna, _plantB, null, ReportPeriod.Day, "2026-11-01", "2026-11-30"));
        Assert.Empty(await queries.GetReportsAsync(ben, _plantB, null, ReportPeriod.Day, "2026-11-01", "2026-11-30"));
        Assert.Empty(await queries.GetReportsAsync(ben, null, _deviceB, ReportPeriod.Day, "2026-11-01", "2026-11-30"));
        Assert.Empty(await queries.GetSeriesAsync(ben, _deviceB, "active_power", now.AddDays(-1), now));
        Assert.Single(await queries.GetAlarmsAsync(anna, active: true));
        Assert.Empty(await queries.GetAlarmsAsync(ben, active: true));
        Assert.Empty(await queries.GetAlarmsAsync(ben, active: true, [_plantB])); // asking by id does not widen the scope
        Assert.Equal(1, (await queries.CountActiveAlarmsAsync(anna)).Total);
        Assert.Equal(0, (await queries.CountActiveAlarmsAsync(ben, [_plantB])).Total);
        Assert.Empty(await queries.ListPlantsAsync(ben, [_plantB]));
    }

    [Fact]
    public async Task Only_operators_and_admins_may_control_and_only_plants_they_see()
    {
        Assert.True((await As(_olga)).CanControl(_plantA));
        Assert.False((await As(_olga)).CanControl(_plantB));
        Assert.False((await As(_anna)).CanControl(_plantB)); // an owner, not an operator
        Assert.True((await As(_admin)).CanControl(_plantC));
        Assert.False((await As(_nobody)).CanControl(_plantA));
    }

    [Fact]
    public async Task An_owner_who_is_also_operator_sees_own_and_assigned_plants_and_controls_both()
    {
        var admin = await As(_admin);
        await Get<UserDirectory>().SetRolesAsync(admin, _anna, AppRoles.Owner | AppRoles.Operator);
        await Get<UserDirectory>().SetPlantsAsync(admin, _anna, [_plantA]);
        Assert.Equal([_plantA, _plantB], await VisiblePlantsAsync(_anna));
        Assert.True((await As(_anna)).CanControl(_plantB));
        Assert.True((await As(_anna)).CanControl(_plantA));
        Assert.False((await As(_anna)).CanControl(_plantC));
    }

    [Fact]
    public async Task Saving_a_users_plants_while_another_writer_grants_one_of_them_saves_all_of_them()
    {
        // The demo seeder (or a second admin) grants Olga plant B after this save has read her grants and before it writes.
        var shared = Get<IDbContextFactory<SolarDbContext>>();
        var racer = new GrantBeforeFirstSave(shared, new PlantGrant { UserId = _olga, PlantId = _plantB, GrantedAt = _time.GetUtcNow() });
        var options = new DbContextOptionsBuilder<SolarDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_dir, "solardashboard.db")}").AddInterceptors(racer).Options;
        var users = new UserDirectory(new RacingFactory(options), _time, Get<ILoggerFactory>().CreateLogger<UserDirectory>());

        await users.SetPlantsAsync(await As(_admin), _olga, [_plantA, _plantB, _plantC]);

        Assert.True(racer.Granted);
        await using var db = await shared.CreateDbContextAsync();
        Assert.Equal([_plantA, _plantB, _plantC], await db.PlantGrants.Where(g => g.UserId == _olga).Select(g => g.PlantId).OrderBy(id => id).ToListAsync());
    }

    /// <summary>Writes a grant through another context just before the first save of the context it is attached to.</summary>
    private sealed class GrantBeforeFirstSave(IDbContextFactory<SolarDbContext> other, PlantGrant grant) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public bool Granted { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Granted)
            {
                Granted = true;
                await using var db = await other.CreateDbContextAsync(cancellationToken);
                db.PlantGrants.Add(grant);
                await db.SaveChangesAsync(cancellationToken);
            }
            return result;
        }
    }

    private sealed class RacingFactory(DbContextOptions<SolarDbContext> options) : IDbContextFactory<SolarDbContext>
    {
        public SolarDbContext CreateDbContext() => new(options);
    }

    [Fact]
    public async Task Only_an_admin_manages_users_and_an_admin_cannot_demote_themself()
    {
        var users = Get<UserDirectory>();
        var (olga, anna, ben, admin) = (await As(_olga), await As(_anna), await As(_ben), await As(_admin));
        await Assert.ThrowsAsync<AccessDeniedException>(() => users.SetRolesAsync(olga, _olga, AppRoles.Admin));
        await Assert.ThrowsAsync<AccessDeniedException>(() => users.SetPlantsAsync(anna, _anna, [_plantC]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => users.ListAsync(ben));
        await Assert.ThrowsAsync<AccessDeniedException>(() => users.SetRolesAsync(admin, _admin, AppRoles.Owner));
        Assert.Equal(5, (await users.ListAsync(await As(_admin))).Count);
    }

    [Fact]
    public async Task Roles_from_the_provider_cannot_be_edited_in_the_app()
    {
        var users = Get<UserDirectory>();
        var olga = await users.RecordSignInAsync(new SignInIdentity("https://idp", "olga", "Olga", "olga", null, ["operator", "unknown-role"], false));
        Assert.Equal(AppRoles.Operator, olga.Roles);
        Assert.True(olga.RolesFromProvider);
        var admin = await As(_admin);
        await Assert.ThrowsAsync<AccessDeniedException>(() => users.SetRolesAsync(admin, olga.Id, AppRoles.Admin));
    }

    [Fact]
    public async Task Users_are_keyed_by_issuer_and_subject_and_the_bootstrap_admin_becomes_admin()
    {
        var users = Get<UserDirectory>();
        var same = await users.RecordSignInAsync(new SignInIdentity("https://idp", "anna", "Anna Renamed", "anna", null, null, false));
        Assert.Equal(_anna, same.Id);
        Assert.Equal(AppRoles.Owner, same.Roles); // app-managed roles survive a sign-in
        var other = await users.RecordSignInAsync(new SignInIdentity("https://other-idp", "anna", "Anna Elsewhere", "anna", null, null, false));
        Assert.NotEqual(_anna, other.Id);
        Assert.Equal(AppRoles.None, other.Roles);
        var boss = await users.RecordSignInAsync(new SignInIdentity("https://idp", "boss", "Boss", "boss", null, null, IsBootstrapAdmin: true));
        Assert.Equal(AppRoles.Admin, boss.Roles);
    }

    [Fact]
    public async Task Disconnecting_deletes_the_secret_and_keeps_the_history_and_only_the_owner_may_do_it()
    {
        var connections = Get<ConnectionService>();
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await connections.DisconnectAsync(await As(_ben), _annaConnection));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await connections.DisconnectAsync(await As(_olga), _annaConnection));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await connections.DeleteAsync(await As(_anna), _annaConnection)); // not disconnected yet

        await connections.DisconnectAsync(await As(_anna), _annaConnection);
        await using (var db = await Get<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync())
        {
            var c = await db.Connections.SingleAsync(x => x.Id == _annaConnection);
            Assert.Null(c.ProtectedSecret);
            Assert.Equal(ConnectionState.Disconnected, c.State);
        }
        Assert.Equal([_plantB], await VisiblePlantsAsync(_anna)); // history stays, still hers

        await connections.DeleteAsync(await As(_anna), _annaConnection);
        Assert.Empty(await VisiblePlantsAsync(_anna));
    }

    [Fact]
    public async Task Owners_list_only_their_own_connections()
    {
        var connections = Get<ConnectionService>();
        Assert.Equal(["anna"], (await connections.ListAsync(await As(_anna))).Select(c => c.Name));
        Assert.Empty(await connections.ListAsync(await As(_olga)));
        Assert.Equal(3, (await connections.ListAsync(await As(_admin))).Count);
    }
}
