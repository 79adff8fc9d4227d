using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SolarDashboard.Core;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Core;

/// <summary>
/// A database made by release 2b14644 (.NET 9, hand-written migrations 0001_Initial … 0004_Control; see
/// Fixtures/Databases/README.md) upgrades in place the first time this release starts, through the app's own migrator.
/// </summary>
public sealed class LegacyDatabaseUpgradeTests : IDisposable
{
    // The fixture's simulated afternoon: Anna's plant (13, "+02:00"), its inverter (59) and battery (60), adam-admin (1), owner-anna (2),
    // olga-operator (3, granted plant 13), and Olga's first control task (1, a time-of-use schedule).
    private static readonly DateTimeOffset Now = new(2026, 6, 17, 16, 0, 0, TimeSpan.Zero);
    private const int AnnasPlant = 13, AnnasInverter = 59, AnnasBattery = 60, Adam = 1, Anna = 2, Olga = 3, TouTask = 1;

    private readonly string _dir = Directory.CreateTempSubdirectory("sd-upgrade-").FullName;

    public LegacyDatabaseUpgradeTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "legacy"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Databases", "release-2b14644.sqlite"), Database("legacy"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Database(string folder) => Path.Combine(_dir, folder, "solardashboard.db");

    /// <summary>The app's services over the data folder <paramref name="folder"/>, as the host wires them.</summary>
    private ServiceProvider App(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SolarDashboard:DataDirectory"] = folder }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSolarDashboardCore(configuration, _dir);
        services.AddSolarDashboardVendors();
        return services.BuildServiceProvider();
    }

    /// <summary>What the app does first on every start.</summary>
    private static Task StartAsync(ServiceProvider app) =>
        ActivatorUtilities.CreateInstance<DatabaseMigrator>(app).StartAsync(CancellationToken.None);

    /// <summary>A plant, a day of an inverter's power, the users with their plants, and a control task with its audit, as pages get them.</summary>
    private static async Task<AppView> ReadAsync(ServiceProvider app)
    {
        var access = app.GetRequiredService<AccessService>();
        var (adam, anna, olga) = (await access.ForUserAsync(Adam), await access.ForUserAsync(Anna), await access.ForUserAsync(Olga));
        var queries = app.GetRequiredService<PlantQueries>();
        var plant = await queries.GetPlantAsync(anna.Plants, AnnasPlant);
        var day = new DateTimeOffset(2026, 6, 17, 0, 0, 0, TimeSpan.FromHours(2));
        var power = await queries.GetSeriesAsync(anna.Plants, AnnasInverter, "active_power", day, day.AddDays(1));
        var users = await app.GetRequiredService<UserDirectory>().ListAsync(adam);
        var task = await app.GetRequiredService<ControlLedger>().GetAsync(olga, TouTask);
        return new AppView(anna, olga, plant, power, users, task);
    }

    private sealed record AppView(UserAccess Anna, UserAccess Olga, PlantDetail? Plant, IReadOnlyList<SeriesPoint> Power, IReadOnlyList<UserView> Users, ControlTaskView? Task);

    /// <summary>A plant as release 2b14644's plant list showed it (power, today's yield, SOC, health), by that release's own rules.</summary>
    private sealed record ReleasePlant(int Id, string Power, string Today, string Soc, int? HealthState);

    /// <summary>
    /// What release 2b14644's plant list showed for the fixture at <see cref="Now"/>, read from its file with its rules: power
    /// is the sum of the inverters' (types 1 and 38) active_power, SOC the mean battery_soc of batteries (39, 41), today's
    /// yield the plant's day_power while it is from the plant's today, health its real_health_state.
    /// </summary>
    private static async Task<List<ReleasePlant>> ReleasePlantListAsync(string path)
    {
        var ticks = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        var plants = await SqliteFile.QueryAsync(path, "SELECT p.Id, p.TimeZoneId, k.CollectedAt, k.ValuesJson FROM Plants p LEFT JOIN LatestKpis k ON k.PlantId = p.Id",
            r => (Id: r.GetInt32(0), Zone: r.GetString(1), At: r.IsDBNull(2) ? (DateTimeOffset?)null : (DateTimeOffset)ticks.ConvertFromProvider(r.GetInt64(2))!,
                Values: r.IsDBNull(3) ? null : JsonSerializer.Deserialize<Dictionary<string, double?>>(r.GetString(3))));
        var devices = await SqliteFile.QueryAsync(path, "SELECT d.PlantId, d.TypeId, k.ValuesJson FROM Devices d JOIN LatestKpis k ON k.DeviceId = d.Id",
            r => (PlantId: r.GetInt32(0), Type: r.GetInt32(1), Values: JsonSerializer.Deserialize<Dictionary<string, double?>>(r.GetString(2))!));
        return plants.Select(p =>
        {
            var inverters = devices.Where(d => d.PlantId == p.Id && d.Type is 1 or 38).ToList();
            var socs = devices.Where(d => d.PlantId == p.Id && d.Type is 39 or 41).Select(d => d.Values.GetValueOrDefault("battery_soc")).Where(v => v is not null).ToList();
            double? power = inverters.Count == 0 ? null : inverters.Sum(d => d.Values.GetValueOrDefault("active_power") ?? 0);
            double? today = p.Values is null ? null
                : PlantTime.LocalDate(p.Zone, p.At!.Value) == PlantTime.LocalDate(p.Zone, Now) ? p.Values.GetValueOrDefault("day_power") : 0.0;
            return new ReleasePlant(p.Id, Shown(power), Shown(today), Shown(socs.Count == 0 ? null : socs.Average()), (int?)p.Values?.GetValueOrDefault("real_health_state"));
        }).OrderBy(p => p.Id).ToList();
    }

    private static string Shown(double? value) => value is { } v ? Math.Round(v, 6).ToString("R", CultureInfo.InvariantCulture) : "—";

    private static async Task<Dictionary<string, long>> RowsAsync(string path) =>
        (await SqliteFile.RowCountsAsync(path, "__EFMigrationsHistory")).Select(l => l.Split(": ")).ToDictionary(l => l[0], l => long.Parse(l[1], CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_database_of_release_2b14644_upgrades_on_first_start_with_every_row_kept()
    {
        var rowsBefore = await RowsAsync(Database("legacy"));
        var release = await ReleasePlantListAsync(Database("legacy"));
        var devicesBefore = await SqliteFile.QueryAsync(Database("legacy"), "SELECT Id, CAST(VendorId AS TEXT), CAST(TypeId AS TEXT) FROM Devices ORDER BY Id",
            r => (r.GetInt32(0), r.GetString(1), r.GetString(2)));
        await using var app = App("legacy");

        await StartAsync(app);
        await app.GetRequiredService<StandardMeasureBackfill>().RunHistoryAsync();

        await using (var db = await app.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            // The vendor's device ids and types are kept as text, and each device has the role its vendor's mapping gives it.
            Assert.Equal(devicesBefore, (await db.Devices.OrderBy(d => d.Id).ToListAsync()).Select(d => (d.Id, d.VendorKey, d.VendorType)));
            Assert.Equal([DeviceRole.Inverter, DeviceRole.Battery, DeviceRole.PowerSensor, DeviceRole.Logger],
                await db.Devices.Where(d => d.PlantId == AnnasPlant).OrderBy(d => d.Id).Select(d => d.Role).ToListAsync());
            Assert.Equal(0, await db.LatestKpis.CountAsync(k => k.StandardJson == null));
            Assert.Equal(0, await db.Reports.CountAsync(r => r.StandardJson == null));
        }
        // Every row of the release is still there. The upgrade only adds: a summary per plant, a (finished) backfill marker
        // per connection, and the standard series computed from the stored history, with their names. sqlite_sequence also
        // gains an (empty) entry for each AUTOINCREMENT table a later migration rebuilt; each table's own entry is compared.
        var rowsAfter = await RowsAsync(Database("legacy"));
        string[] grown = ["DeviceSeries", "KpiNames", "sqlite_sequence KpiNames", "SyncStates", "sqlite_sequence"];
        Assert.Equal(rowsBefore.Where(r => !grown.Contains(r.Key)), rowsAfter.Where(r => rowsBefore.ContainsKey(r.Key) && !grown.Contains(r.Key)));
        Assert.Equal(rowsBefore["Plants"], rowsAfter["PlantSummaries"]);
        Assert.Equal(rowsBefore["SyncStates"] + rowsBefore["Connections"], rowsAfter["SyncStates"]);
        Assert.True(rowsAfter["DeviceSeries"] > rowsBefore["DeviceSeries"], "standard series were computed from the stored history");

        // The plant list shows the power, today's yield, SOC and health the release showed.
        var queries = app.GetRequiredService<PlantQueries>();
        var list = (await queries.ListPlantsAsync(PlantScope.All)).OrderBy(p => p.Id)
            .Select(p => new ReleasePlant(p.Id, Shown(p.CurrentPowerKw.Value), Shown(p.TodayYieldKwh.Value), Shown(p.BatterySoc.Value), p.Health == Health.Unknown ? null : (int)p.Health));
        Assert.Equal(release, list);
        Assert.Contains(release, p => p.Power != "—" && p.Today != "—" && p.Soc != "—"); // not a comparison of blanks

        // And the rest of what pages read is the fixture's.
        var after = await ReadAsync(app);
        Assert.Equal("Anna's Home", after.Plant?.Summary.Name);
        Assert.True(after.Power.Count > 12, $"{after.Power.Count} points of the inverter's power on 17 June");
        Assert.Equal(["adam-admin", "olga-operator", "owner-anna"], after.Users.Select(u => u.UserName!).Order());
        Assert.True(after.Anna.Plants.Allows(AnnasPlant), "Anna owns her plant through her connection");
        Assert.True(after.Olga.Plants.Allows(AnnasPlant) && !after.Olga.Plants.Allows(1), "Olga was granted Anna's plant only");
        var task = Assert.IsType<ControlTaskView>(after.Task);
        Assert.Equal((ControlKind.BatteryMode, ControlTaskState.Finished, "Olga Operator"), (task.Task.Kind, task.Task.State, task.Task.SubmittedByName));
        Assert.Equal(PlantControlStatus.Success, Assert.Single(task.Plants).Status);
        Assert.Equal(["submitted", "delivered", "checked", "effect"], task.Events.Select(e => e.Step));

        // The stored history has its standard series: the inverter's PV power is its active power, point for point.
        var day = new DateTimeOffset(2026, 6, 17, 0, 0, 0, TimeSpan.FromHours(2));
        var pv = await queries.GetSeriesAsync(after.Anna.Plants, AnnasInverter, StandardMeasure.PvKw.SeriesName, day, day.AddDays(1));
        Assert.Equal(after.Power, pv);
        var battery = await queries.GetSeriesAsync(after.Anna.Plants, AnnasBattery, StandardMeasure.BatteryKw.SeriesName, day, day.AddDays(1));
        var batteryW = await queries.GetSeriesAsync(after.Anna.Plants, AnnasBattery, "ch_discharge_power", day, day.AddDays(1));
        Assert.Equal(batteryW.Select(p => (p.Time, p.Value / 1000)), battery.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public async Task The_history_backfill_resumes_where_it_stopped_and_a_second_run_changes_nothing()
    {
        await using var app = App("legacy");
        await StartAsync(app);
        // As if the app stopped after Anna's inverter: the marker of her connection points at it.
        await using (var db = await app.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync())
        {
            var connection = await db.Plants.Where(p => p.Id == AnnasPlant).Select(p => p.ConnectionId).SingleAsync();
            var marker = await db.SyncStates.SingleAsync(s => s.ConnectionId == connection && s.DataClass == StandardMeasureBackfill.SeriesDataClass);
            marker.Cursor = AnnasInverter.ToString(CultureInfo.InvariantCulture);
            await db.SaveChangesAsync();
        }
        var backfill = app.GetRequiredService<StandardMeasureBackfill>();

        await backfill.RunHistoryAsync();

        var queries = app.GetRequiredService<PlantQueries>();
        var anna = await app.GetRequiredService<AccessService>().ForUserAsync(Anna);
        var day = new DateTimeOffset(2026, 6, 17, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.Empty(await queries.GetSeriesAsync(anna.Plants, AnnasInverter, StandardMeasure.PvKw.SeriesName, day, day.AddDays(1))); // done before the stop
        Assert.NotEmpty(await queries.GetSeriesAsync(anna.Plants, AnnasBattery, StandardMeasure.Soc.SeriesName, day, day.AddDays(1)));
        var rows = await SqliteFile.RowCountsAsync(Database("legacy"));
        await backfill.RunHistoryAsync();
        await backfill.RunLatestAsync();
        Assert.Equal(rows, await SqliteFile.RowCountsAsync(Database("legacy")));
    }

    [Fact]
    public async Task An_upgraded_database_has_exactly_the_schema_of_a_new_one()
    {
        await using (var legacy = App("legacy")) await StartAsync(legacy);
        await using (var fresh = App("fresh")) await StartAsync(fresh);

        Assert.Equal(await SqliteFile.SchemaAsync(Database("fresh")), await SqliteFile.SchemaAsync(Database("legacy")));
    }

    [Fact]
    public async Task The_upgrade_does_not_hand_out_the_id_of_a_deleted_connection_again()
    {
        // The control audit names connections by id, so an id once used stays used.
        await SqliteFile.ExecuteAsync(Database("legacy"), """
            INSERT INTO Connections (Name, Vendor, AuthMode, BaseUrl, State, CreatedAt, IsDemo) VALUES ('gone', 'FusionSolar', 'ApiAccount', 'https://eu5.fusionsolar.huawei.com/', 'Pending', 0, 0);
            DELETE FROM Connections WHERE Name = 'gone';
            """);

        await using var app = App("legacy");
        await StartAsync(app);

        await SqliteFile.ExecuteAsync(Database("legacy"), """
            INSERT INTO Connections (Name, Vendor, AuthMode, BaseUrl, State, CreatedAt, IsDemo) VALUES ('new', 'FusionSolar', 'ApiAccount', 'https://eu5.fusionsolar.huawei.com/', 'Pending', 0, 0)
            """);
        Assert.Equal([1L, 2L, 4L], await SqliteFile.QueryAsync(Database("legacy"), "SELECT Id FROM Connections ORDER BY Id", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task After_the_upgrade_the_control_audit_still_refuses_edits_and_deletions()
    {
        await using (var app = App("legacy")) await StartAsync(app);

        var edit = await Assert.ThrowsAsync<SqliteException>(() => SqliteFile.ExecuteAsync(Database("legacy"), "UPDATE ControlTaskEvents SET Detail = 'nothing happened' WHERE TaskId = 1"));
        Assert.Contains("the control audit trail cannot be edited", edit.Message);
        var rewrite = await Assert.ThrowsAsync<SqliteException>(() => SqliteFile.ExecuteAsync(Database("legacy"), "UPDATE ControlTasks SET SubmittedByName = 'someone else' WHERE Id = 1"));
        Assert.Contains("a submitted control task cannot be edited", rewrite.Message);
        var delete = await Assert.ThrowsAsync<SqliteException>(() => SqliteFile.ExecuteAsync(Database("legacy"), "DELETE FROM ControlTasks WHERE Id = 1"));
        Assert.Contains("control tasks cannot be deleted", delete.Message);
    }

    [Fact]
    public async Task A_second_start_after_the_upgrade_changes_nothing()
    {
        await using (var first = App("legacy")) await StartAsync(first);
        var schema = await SqliteFile.SchemaAsync(Database("legacy"));
        var rows = await SqliteFile.RowCountsAsync(Database("legacy"));
        var history = await SqliteFile.QueryAsync(Database("legacy"), "SELECT MigrationId || ' ' || ProductVersion FROM __EFMigrationsHistory", r => r.GetString(0));

        await using (var second = App("legacy")) await StartAsync(second);

        Assert.Equal(schema, await SqliteFile.SchemaAsync(Database("legacy")));
        Assert.Equal(rows, await SqliteFile.RowCountsAsync(Database("legacy")));
        Assert.Equal(history, await SqliteFile.QueryAsync(Database("legacy"), "SELECT MigrationId || ' ' || ProductVersion FROM __EFMigrationsHistory", r => r.GetString(0)));
    }

    [Fact]
    public async Task A_database_with_only_part_of_the_hand_written_history_is_refused_untouched()
    {
        await SqliteFile.ExecuteAsync(Database("legacy"), "DELETE FROM __EFMigrationsHistory WHERE MigrationId = '0004_Control'");
        var schema = await SqliteFile.SchemaAsync(Database("legacy"));

        await using var app = App("legacy");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app));

        Assert.Contains("release 2b14644", refused.Message);
        Assert.Equal(schema, await SqliteFile.SchemaAsync(Database("legacy")));
    }
}
