using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SolarDashboard.Core;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;

namespace SolarDashboard.Tests.Core;

/// <summary>The SQLite cache: hand-written migrations, secrets at rest, health.</summary>
public sealed class DatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sd-db-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private SolarDbContext Open(string file) => new(new DbContextOptionsBuilder<SolarDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_dir, file)}")
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options);

    private static async Task<List<string>> SchemaAsync(SolarDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var columns = new List<string>();
        foreach (var table in tables)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                columns.Add($"{table}.{reader.GetString(0)} {reader.GetString(1)} notnull={reader.GetInt64(2)} pk={reader.GetInt64(3)}");
        }
        await using (var cmd = connection.CreateCommand())
        {
            // Indexes too: name, uniqueness and columns.
            cmd.CommandText = "SELECT m.name, il.name, il.\"unique\", group_concat(ii.name) FROM sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii " +
                "WHERE m.type = 'table' AND m.name NOT LIKE '__EFMigrations%' AND il.origin = 'c' GROUP BY m.name, il.name ORDER BY m.name, il.name";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                columns.Add($"index {reader.GetString(0)}.{reader.GetString(1)} unique={reader.GetInt64(2)} on {reader.GetString(3)}");
        }
        return columns;
    }

    [Fact]
    public async Task Migrations_match_the_model()
    {
        // The migrations are written by hand, so compare what they build with what the model would build.
        await using var migrated = Open("migrated.db");
        await migrated.Database.MigrateAsync();
        await using var created = Open("created.db");
        await created.Database.EnsureCreatedAsync();
        Assert.Equal(await SchemaAsync(created), await SchemaAsync(migrated));
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
