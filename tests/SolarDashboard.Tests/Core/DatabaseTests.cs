using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SolarDashboard.Core;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;

namespace SolarDashboard.Tests.Core;

/// <summary>The SQLite cache: generated migrations, secrets at rest, health.</summary>
public sealed class DatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sd-db-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private SolarDbContext Open(string file) => new(new DbContextOptionsBuilder<SolarDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_dir, file)}").Options);

    [Fact]
    public void The_migrations_describe_the_whole_model()
    {
        // A model change without `dotnet ef migrations add` fails here (and MigrateAsync would refuse to run).
        using var db = Open("model.db");
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task A_new_database_has_exactly_the_expected_tables_indexes_and_triggers()
    {
        await using (var db = Open("migrated.db")) await db.Database.MigrateAsync();
        var path = Path.Combine(_dir, "migrated.db");
        var tables = await SqliteFile.ObjectsAsync(path, "table");
        var indexes = (await SqliteFile.ObjectsAsync(path, "index")).Where(i => i.Value is not null).ToDictionary(); // not the keys' own
        var triggers = await SqliteFile.ObjectsAsync(path, "trigger");

        Assert.Equal(
        [
            "Alarms", "Calls", "Connections", "ConsentStates", "ControlTaskEvents", "ControlTaskPlants", "ControlTasks", "DeviceSeries",
            "Devices", "KpiNames", "LatestKpis", "NotificationPreferences", "Notifications", "PlantGrants", "PlantSummaries", "PlantTariffs", "Plants",
            "RedexAccounts", "RedexExportDays", "RedexRegistrations", "Reports", "SyncStates", "Users",
            "__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence",
        ], tables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
        [
            "IX_Alarms_ClearedAt", "IX_Alarms_PlantId_SerialNumber_AlarmId_RaisedAt", "IX_Calls_ConnectionId_Api_At", "IX_Connections_OwnerUserId",
            "IX_ConsentStates_StateHash", "IX_ConsentStates_UserId", "IX_ControlTaskEvents_TaskId", "IX_ControlTaskPlants_PlantId_Active",
            "IX_ControlTaskPlants_TaskId", "IX_ControlTasks_RequestKey", "IX_ControlTasks_State_NextCheckAt", "IX_Devices_PlantId_VendorKey",
            "IX_KpiNames_Name", "IX_LatestKpis_DeviceId", "IX_LatestKpis_PlantId", "IX_Notifications_AlarmId", "IX_Notifications_ConnectionId",
            "IX_Notifications_Status_DueAt", "IX_Notifications_UserId_Key", "IX_PlantGrants_PlantId", "IX_Plants_ConnectionId_VendorKey",
            "IX_RedexExportDays_Current", "IX_RedexExportDays_RegistrationId_Day_Version", "IX_RedexExportDays_State_ProcessId",
            "IX_RedexRegistrations_AccountId_RemoteInvId", "IX_RedexRegistrations_DeviceId",
            "IX_Reports_DeviceId_Period_LocalStart", "IX_Reports_PlantId_Period_LocalStart", "IX_Users_Issuer_Subject",
        ], indexes.Keys.Order(StringComparer.Ordinal));
        // The control audit is append-only.
        Assert.Equal(
        [
            "ControlTaskEvents_NoDelete", "ControlTaskEvents_NoUpdate", "ControlTaskPlants_FixedRequest", "ControlTaskPlants_NoDelete",
            "ControlTasks_FixedRequest", "ControlTasks_NoDelete",
        ], triggers.Keys.Order(StringComparer.Ordinal));
        // The 5-minute series are stored in key order, and one task at a time may act on a plant.
        Assert.EndsWith(") WITHOUT ROWID", tables["DeviceSeries"]!.TrimEnd());
        Assert.Matches(@"^CREATE UNIQUE INDEX ""IX_ControlTaskPlants_PlantId_Active"" ON ""ControlTaskPlants"" \(""PlantId""\) WHERE ""Active"" = 1$", indexes["IX_ControlTaskPlants_PlantId_Active"]);

        // Every table and index is the one EF builds from the model: the same columns (name, type, null, key), foreign keys
        // and indexes. Only their wording may differ: a column a migration adds comes last (with the default it needed for
        // existing rows), and a table EF rebuilt lists its columns by name.
        await using (var db = Open("created.db")) await db.Database.EnsureCreatedAsync();
        static async Task<List<string>> ModelPart(string file) => (await SqliteFile.ShapeAsync(file)).Where(o => !o.Contains("__EFMigrations")).ToList();
        Assert.Equal(await ModelPart(Path.Combine(_dir, "created.db")), await ModelPart(path));
    }

    [Fact]
    public void With_a_key_certificate_configured_the_data_protection_keys_are_encrypted_at_rest()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=SolarDashboard keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(Path.Combine(_dir, "keys.pfx"), certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SolarDashboard:DataDirectory"] = "data", ["SolarDashboard:KeyCertificatePath"] = "keys.pfx", ["SolarDashboard:KeyCertificatePassword"] = "pfx-pass",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSolarDashboardCore(configuration, _dir);
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<SecretProtector>();
        Assert.Equal("refresh-token", protector.Unprotect(protector.Protect("refresh-token")));
        var key = File.ReadAllText(Directory.GetFiles(Path.Combine(_dir, "data", "keys"), "key-*.xml").Single());
        Assert.Contains("<encryptedSecret", key);
        Assert.DoesNotContain("<masterKey", key);
    }

    [Fact]
    public async Task A_stored_password_is_not_readable_in_the_database_file()
    {
        const string password = "demo-installer-2024";
        var protector = new SecretProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_dir, "keys"))));
        await using (var db = Open("secrets.db"))
        {
            await db.Database.MigrateAsync();
            db.Connections.Add(new VendorConnection
            {
                Name = "x", BaseUrl = "https://eu5.fusionsolar.huawei.com/", UserName = "api-user",
                ProtectedSecret = protector.Protect(password), CreatedAt = DateTimeOffset.UnixEpoch,
            });
            await db.SaveChangesAsync();
        }
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir, "secrets.db"));
        Assert.DoesNotContain(password, System.Text.Encoding.UTF8.GetString(bytes));
        await using var read = Open("secrets.db");
        Assert.Equal(password, protector.Unprotect((await read.Connections.SingleAsync()).ProtectedSecret!));
    }

    [Fact]
    public async Task Health_is_unhealthy_until_the_schema_exists()
    {
        var factory = new Factory(() => Open("health.db"));
        var check = new DatabaseHealthCheck(factory);
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        await using (var db = Open("health.db")) await db.Database.MigrateAsync();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private sealed class Factory(Func<SolarDbContext> create) : IDbContextFactory<SolarDbContext>
    {
        public SolarDbContext CreateDbContext() => create();
    }
}
