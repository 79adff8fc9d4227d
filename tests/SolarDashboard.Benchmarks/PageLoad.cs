using SolarDashboard.Core.Users;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Vendors.FusionSolar.Model;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Reports;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// Server time to the first byte of /plants with 10,000 plants in the cache, and of /plants/{id} for a plant with a year
/// of data: the real app in-process (demo mode and sync off), its SQLite file seeded directly as the FusionSolar ingest
/// stores it (raw values with their standard measures, plant summaries built by the ingest's own code). The query path
/// pages used before plant summaries (<see cref="LegacyQueries"/>) is timed in the same run, for the ratio.
/// </summary>
internal static class PageLoad
{
    private static int Fleet => Bench.Size(10_000, 50);
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
        var now = DateTimeOffset.UtcNow;
        Seed(Path.Combine(dir, "solardashboard.db"), now);
        Console.WriteLine($"seeded {Fleet:N0} plants and {Days} days of data for plant 1 in {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        await factory.Services.GetRequiredService<PlantSummaries>().RefreshMissingAsync();
        Console.WriteLine($"built {Fleet:N0} plant summaries with the ingest's code in {watch.Elapsed.TotalSeconds:0.0} s");

        var queries = factory.Services.GetRequiredService<PlantQueries>();
        var legacy = new LegacyQueries(factory.Services.GetRequiredService<IDbContextFactory<SolarDbContext>>(), factory.Services.GetRequiredService<SeriesStore>());
        var today = PlantTime.LocalDate("+01:00", now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var list = await MedianMsAsync(() => queries.ListPlantsAsync(PlantScope.All));
        var listLegacy = await MedianMsAsync(() => legacy.ListPlantsAsync(null, now));
        var plantQuery = await MedianMsAsync(async () =>
        {
            await queries.GetPlantAsync(PlantScope.All, 1);
            await queries.GetTodayCurvesAsync(PlantScope.All, 1);
            return await queries.GetEnergyAsync(PlantScope.All, 1, ReportPeriod.Hour, today + "T00:00", today + "T23:00");
        });
        var plantLegacy = await MedianMsAsync(async () =>
        {
            await legacy.PlantPageAsync(1, "+01:00", now);
            return await queries.GetReportsAsync(PlantScope.All, 1, null, ReportPeriod.Hour, today + "T00:00", today + "T23:00");
        });
        Console.WriteLine($"plant list query ({Fleet:N0} plants): {list:0.0} ms from summaries, {listLegacy:0.0} ms by the previous path ({listLegacy / list:0.0}x)");
        Console.WriteLine($"plant page queries (a year of data): {plantQuery:0.0} ms, {plantLegacy:0.0} ms by the previous path ({plantLegacy / plantQuery:0.0}x)");
        var plants = await TimeToFirstByteAsync(client, "/plants");
        var plant = await TimeToFirstByteAsync(client, "/plants/1");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Bench.Target("plants_ms", plants, "<=", 300);
        Bench.Target("plant_ms", plant, "<=", 100);
        Console.WriteLine(System.FormattableString.Invariant(
            $"RESULT page-load plants_ms={plants:0.0} plant_ms={plant:0.0} list_query_ms={list:0.0} list_query_previous_ms={listLegacy:0.0} list_speedup={listLegacy / list:0.0} plant_query_ms={plantQuery:0.0} plant_query_previous_ms={plantLegacy:0.0}"));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static async Task<double> MedianMsAsync<T>(Func<Task<T>> query)
    {
        await query();
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[3];
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

    private static void Seed(string path, DateTimeOffset now)
    {
        var mapping = new FusionSolarMeasures();
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
        var plantValues = new Dictionary<string, double?> { ["day_power"] = 12.3, ["month_power"] = 250, ["total_power"] = 17000, ["day_income"] = 3.7, ["total_income"] = 5100, ["real_health_state"] = 3 };
        var inverterValues = Enumerable.Range(0, 60).ToDictionary(i => i == 0 ? "active_power" : $"kpi_{i}", i => (double?)(i + 0.5));
        var batteryValues = new Dictionary<string, double?> { ["battery_soc"] = 55, ["ch_discharge_power"] = -400, ["battery_status"] = 2 };
        var (plantKpis, plantStandard) = (JsonSerializer.Serialize(plantValues), mapping.Plant(plantValues).ToJson());
        var (inverter, inverterStandard) = (JsonSerializer.Serialize(inverterValues), mapping.Device("38", inverterValues).ToJson());
        var (battery, batteryStandard) = (JsonSerializer.Serialize(batteryValues), mapping.Device("39", batteryValues).ToJson());
        for (var p = 1; p <= Fleet; p++)
        {
            Run("INSERT INTO Plants (ConnectionId, VendorKey, Name, Address, CapacityKwp, TimeZoneId, DiscoveredAt, LastSeenAt) VALUES (1, $c, $n, 'Street 1, City', 10, '+01:00', $t, $t)",
                ("$c", $"NE={p}"), ("$n", $"Plant {p:D5}"), ("$t", Ticks(now)));
            Run("INSERT INTO LatestKpis (PlantId, CollectedAt, ReceivedAt, ValuesJson, StandardJson) VALUES ($p, $t, $t, $j, $s)", ("$p", p), ("$t", Ticks(now)), ("$j", plantKpis), ("$s", plantStandard));
            for (var d = 0; d < 4; d++)
            {
                var type = new[] { "38", "39", "47", "62" }[d];
                Run("INSERT INTO Devices (PlantId, VendorKey, Name, Role, VendorType, LastSeenAt) VALUES ($p, $v, $n, $r, $type, $t)",
                    ("$p", p), ("$v", (p * 10 + d).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("$n", $"Device-{d}"), ("$r", mapping.RoleOf(type).ToString()), ("$type", type), ("$t", Ticks(now)));
                if (d < 2) Run("INSERT INTO LatestKpis (DeviceId, CollectedAt, ReceivedAt, ValuesJson, StandardJson) VALUES (last_insert_rowid(), $t, $t, $j, $s)",
                    ("$t", Ticks(now)), ("$j", d == 0 ? inverter : battery), ("$s", d == 0 ? inverterStandard : batteryStandard));
            }
        }
        // Plant 1: a year of daily reports, today's hours, and a year of 5-minute series for 60 KPIs of its inverter and its PV power.
        var reportValues = new Dictionary<string, double?> { ["inverterYield"] = 30, ["ongrid_power"] = 12, ["use_power"] = 20, ["chargeCap"] = 6, ["dischargeCap"] = 5, ["buyPower"] = 4 };
        var (report, reportStandard) = (JsonSerializer.Serialize(reportValues), mapping.PlantReport(ReportPeriod.Day, reportValues).ToJson());
        var local = now.ToOffset(TimeSpan.FromHours(1));
        for (var day = 0; day < Days; day++)
        {
            var date = local.Date.AddDays(-day);
            Run("INSERT INTO Reports (PlantId, Period, LocalStart, StartsAt, ReceivedAt, ValuesJson, StandardJson) VALUES (1, 'Day', $l, $s, $s, $j, $std)",
                ("$l", date.ToString("yyyy-MM-dd")), ("$s", Ticks(new DateTimeOffset(date, TimeSpan.FromHours(1)))), ("$j", report), ("$std", reportStandard));
        }
        for (var h = 0; h < 24; h++)
            Run("INSERT INTO Reports (PlantId, Period, LocalStart, StartsAt, ReceivedAt, ValuesJson, StandardJson) VALUES (1, 'Hour', $l, $s, $s, $j, $std)",
                ("$l", local.Date.ToString("yyyy-MM-dd") + $"T{h:D2}:00"), ("$s", Ticks(now)), ("$j", report), ("$std", reportStandard));
        string[] names = [.. Enumerable.Range(0, 60).Select(k => k == 0 ? "active_power" : $"kpi_{k}"), StandardMeasure.PvKw.SeriesName];
        foreach (var name in names) Run("INSERT INTO KpiNames (Name) VALUES ($n)", ("$n", name));
        var values = SeriesPacking.Empty();
        for (var s = 0; s < SeriesPacking.SlotsPerDay; s++) SeriesPacking.Set(values, s, s % 50);
        var todayDay = SeriesPacking.DayOf(now);
        for (var k = 1; k <= names.Length; k++)
            for (var day = todayDay - Days + 1; day <= todayDay; day++)
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
