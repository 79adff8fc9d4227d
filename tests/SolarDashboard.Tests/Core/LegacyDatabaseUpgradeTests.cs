using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SolarDashboard.Core;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Data;
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
    // The fixture's simulated afternoon: Anna's plant (13, "+02:00"), its inverter (59), adam-admin (1), owner-anna (2),
    // olga-operator (3, granted plant 13), and Olga's first control task (1, a time-of-use schedule).
    private static readonly DateTimeOffset Now = new(2026, 6, 17, 16, 0, 0, TimeSpan.Zero);
    private const int AnnasPlant = 13, AnnasInverter = 59, Adam = 1, Anna = 2, Olga = 3, TouTask = 1;

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
        var task = await app.GetRequiredService<ControlService>().GetAsync(olga, TouTask);
        return new AppView(anna, olga, plant, power, users, task);
    }

    private sealed record AppView(UserAccess Anna, UserAccess Olga, PlantDetail? Plant, IReadOnlyList<SeriesPoint> Power, IReadOnlyList<UserView> Users, ControlTaskView? Task)
    {
        public string ToJson() => JsonSerializer.Serialize(this);
    }

    [Fact]
    public async Task A_database_of_release_2b14644_upgrades_on_first_start_with_every_row_kept()
    {
        var rowsBefore = await SqliteFile.RowCountsAsync(Database("legacy"), "__EFMigrationsHistory");
        await using var app = App("legacy");
        var before = await ReadAsync(app);

        await StartAsync(app);

        // Every table of the old release keeps its rows; tables that later migrations added start empty.
        var rowsAfter = await SqliteFile.RowCountsAsync(Database("legacy"), "__EFMigrationsHistory");
        static string Table(string row) => row[..row.LastIndexOf(':')];
        var old = rowsBefore.Select(Table).ToHashSet();
        Assert.Equal(rowsBefore, rowsAfter.Where(r => old.Contains(Table(r))));
        Assert.All(rowsAfter.Where(r => !old.Contains(Table(r))), r => Assert.EndsWith(": 0", r));
        await using (var db = await app.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync())
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var after = await ReadAsync(app);
        Assert.Equal(before.ToJson(), after.ToJson());

        // And what it reads is the fixture's, not two equal blanks.
        Assert.Equal("Anna's Home", after.Plant?.Summary.Name);
        Assert.True(after.Power.Count > 12, $"{after.Power.Count} points of the inverter's power on 17 June");
        Assert.Equal(["adam-admin", "olga-operator", "owner-anna"], after.Users.Select(u => u.UserName!).Order());
        Assert.True(after.Anna.Plants.Allows(AnnasPlant), "Anna owns her plant through her connection");
        Assert.True(after.Olga.Plants.Allows(AnnasPlant) && !after.Olga.Plants.Allows(1), "Olga was granted Anna's plant only");
        var task = Assert.IsType<ControlTaskView>(after.Task);
        Assert.Equal((ControlKind.BatteryMode, ControlTaskState.Finished, "Olga Operator"), (task.Task.Kind, task.Task.State, task.Task.SubmittedByName));
        Assert.Equal(PlantControlStatus.Success, Assert.Single(task.Plants).Status);
        Assert.Equal(["submitted", "delivered", "checked", "effect"], task.Events.Select(e => e.Step));
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
