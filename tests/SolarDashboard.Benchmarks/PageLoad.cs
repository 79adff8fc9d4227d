using SolarDashboard.Core.Users;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using SolarDashboard.Core.TimeSeries;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// Server time to the first byte of /plants with 1,000 plants in the cache, and of /plants/{id} for a plant with a year
/// of data: the real app in-process (demo mode and sync off), its SQLite file seeded directly.
/// </summary>
internal static class PageLoad
{
    private static int Fleet => Bench.Size(1_000, 50);
    private static int Days => Bench.Size(365, 7);

    public static async Task RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("sd-pageload-").FullName;
        // Any type of the web app will do: its assembly holds the entry point.
        await using var factory = new WebApplicationFactory<SolarDashboard.Hosting.SecurityHeadersMiddleware>().WithWebHostBuilder(b =>
        {
            b.UseSolutionRelativeContentRoot("src/SolarDashboard");
            b.UseEnvironment("Production");
            b.UseSetting("SolarDashboard:DemoMode", "false");
            b.UseSetting("SolarDashboard:DataDirectory", dir);
            b.UseSetting("SolarDashboard:Sync:Enabled", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // Sign-in is not what is measured: every request is the seeded admin (the OIDC settings only pass validation).
            b.UseSetting("Authentication:Oidc:Authority", "https://idp.invalid/");
            b.UseSetting("Authentication:Oidc:ClientId", "bench");
            b.UseSetting("Authentication:Oidc:ClientSecret", "bench");
            b.ConfigureTestServices(s =>
            {
                s.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BenchAdmin>(BenchAdmin.SchemeName, _ => { });
                s.PostConfigure<AuthenticationOptions>(o => o.DefaultScheme = o.DefaultAuthenticateScheme = o.DefaultChallengeScheme = BenchAdmin.SchemeName);
            });
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        (await client.GetAsync("/health")).EnsureSuccessStatusCode(); // started and migrated
        var watch = Stopwatch.StartNew();
        Seed(Path.Combine(dir, "solardashboard.db"));
        Console.WriteLine($"seeded {Fleet:N0} plants and {Days} days of data for plant 1 in {watch.Elapsed.TotalSeconds:0.0} s");

        var queries = factory.Services.GetRequiredService<SolarDashboard.Core.Queries.PlantQueries>();
        await queries.ListPlantsAsync(PlantScope.All);
        var q = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) await queries.ListPlantsAsync(PlantScope.All);
        Console.WriteLine($"ListPlantsAsync ({Fleet:N0} plants): {q.Elapsed.TotalMilliseconds / 5:0.0} ms");
        var plants = await TimeToFirstByteAsync(client, "/plants");
        var plant = await TimeToFirstByteAsync(client, "/plants/1");
        Bench.Target("plants_ms", plants, "<=", 300);
        Bench.Target("plant_ms", plant, "<=", 200);
        Console.WriteLine($"RESULT page-load plants_ms={plants:0.0} plant_ms={plant:0.0}");
    }

    private static async Task<double> TimeToFirstByteAsync(HttpClient client, string path)
    {
        using (var warm = await client.GetAsync(path)) warm.EnsureSuccessStatusCode();
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            _ = body.ReadByte(); // the first byte of the prerendered page
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        times.Sort();
        return times[3];
    }

    private static void Seed(string path)
    {
        var now = DateTimeOffset.UtcNow;
        using var c = new SqliteConnection($"Data Source={path}");
        c.Open();
        using var tx = c.BeginTransaction();
        void Run(string sql, params (string, object)[] ps)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
            cmd.ExecuteNonQuery();
        }
        // Stored as the model stores them (DateTimeOffsetToBinaryConverter), never as raw ticks.
        var binary = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        long Ticks(DateTimeOffset t) => (long)binary.ConvertToProvider(t)!;
        Run("INSERT INTO Users (Id, Issuer, Subject, DisplayName, Roles, RolesFromProvider, CreatedAt, LastSignInAt) VALUES (1, 'bench', 'admin', 'Bench Admin', 'Admin', 0, $t, $t)", ("$t", Ticks(now)));
        Run("INSERT INTO Connections (Name, Vendor, AuthMode, BaseUrl, State, CreatedAt, IsDemo) VALUES ('bench', 'FusionSolar', 'ApiAccount', 'https://eu5.fusionsolar.huawei.com/', 'Connected', $t, 0)", ("$t", Ticks(now)));
        var plantKpis = JsonSerializer.Serialize(new Dictionary<string, double?> { ["day_power"] = 12.3, ["month_power"] = 250, ["total_power"] = 17000, ["day_income"] = 3.7, ["total_income"] = 5100, ["real_health_state"] = 3 });
        var inverter = JsonSerializer.Serialize(Enumerable.Range(0, 60).ToDictionary(i => i == 0 ? "active_power" : $"kpi_{i}", i => (double?)(i + 0.5)));
        var battery = JsonSerializer.Serialize(new Dictionary<string, double?> { ["battery_soc"] = 55, ["ch_discharge_power"] = -400, ["battery_status"] = 2 });
        for (var p = 1; p <= Fleet; p++)
        {
            Run("INSERT INTO Plants (ConnectionId, VendorCode, Name, Address, CapacityKwp, TimeZoneId, DiscoveredAt, LastSeenAt) VALUES (1, $c, $n, 'Street 1, City', 10, '+01:00', $t, $t)",
                ("$c", $"NE={p}"), ("$n", $"Plant {p:D4}"), ("$t", Ticks(now)));
            Run("INSERT INTO LatestKpis (PlantId, CollectedAt, ReceivedAt, ValuesJson) VALUES ($p, $t, $t, $j)", ("$p", p), ("$t", Ticks(now)), ("$j", plantKpis));
            for (var d = 0; d < 4; d++)
            {
                var type = new[] { 38, 39, 47, 62 }[d];
                Run("INSERT INTO Devices (PlantId, VendorId, Name, TypeId, LastSeenAt) VALUES ($p, $v, $n, $type, $t)", ("$p", p), ("$v", p * 10 + d), ("$n", $"Device-{d}"), ("$type", type), ("$t", Ticks(now)));
                if (d < 2) Run("INSERT INTO LatestKpis (DeviceId, CollectedAt, ReceivedAt, ValuesJson) VALUES (last_insert_rowid(), $t, $t, $j)", ("$t", Ticks(now)), ("$j", d == 0 ? inverter : battery));
            }
        }
        // Plant 1: a year of daily reports, twelve months, today's hours, and a year of 5-minute series for 60 KPIs of its inverter.
        var report = JsonSerializer.Serialize(new Dictionary<string, double?> { ["inverterYield"] = 30, ["ongrid_power"] = 12, ["use_power"] = 20, ["chargeCap"] = 6, ["dischargeCap"] = 5 });
        var local = now.ToOffset(TimeSpan.FromHours(1));
        for (var day = 0; day < Days; day++)
        {
            var date = local.Date.AddDays(-day);
            Run("INSERT INTO Reports (PlantId, Period, LocalStart, StartsAt, ReceivedAt, ValuesJson) VALUES (1, 'Day', $l, $s, $s, $j)", ("$l", date.ToString("yyyy-MM-dd")), ("$s", Ticks(new DateTimeOffset(date, TimeSpan.FromHours(1)))), ("$j", report));
        }
        for (var h = 0; h < 24; h++)
            Run("INSERT INTO Reports (PlantId, Period, LocalStart, StartsAt, ReceivedAt, ValuesJson) VALUES (1, 'Hour', $l, $s, $s, $j)", ("$l", local.Date.ToString("yyyy-MM-dd") + $"T{h:D2}:00"), ("$s", Ticks(now)), ("$j", report));
        for (var k = 0; k < 60; k++) Run("INSERT INTO KpiNames (Name) VALUES ($n)", ("$n", k == 0 ? "active_power" : $"kpi_{k}"));
        var values = SeriesPacking.Empty();
        for (var s = 0; s < SeriesPacking.SlotsPerDay; s++) SeriesPacking.Set(values, s, s % 50);
        var today = SeriesPacking.DayOf(now);
        for (var k = 1; k <= 60; k++)
            for (var day = today - Days + 1; day <= today; day++)
                Run("INSERT INTO DeviceSeries (DeviceId, KpiId, Day, \"Values\") VALUES (1, $k, $d, $v)", ("$k", k), ("$d", day), ("$v", values));
        tx.Commit();
    }
}

/// <summary>Authenticates every benchmark request as the seeded admin (user 1).</summary>
internal sealed class BenchAdmin(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "bench";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(
        SolarDashboard.Authentication.AppPrincipal.Create(new AppUser { Id = 1, Issuer = "bench", Subject = "admin", DisplayName = "Bench Admin", Roles = AppRoles.Admin }, "bench"), SchemeName)));
}
