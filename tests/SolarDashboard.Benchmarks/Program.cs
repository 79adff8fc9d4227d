using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Sandbox;
using SolarDashboard.Vendors.FusionSolar.Model;
using SolarDashboard.Testing;

// Each scenario prints its figures and ends with one line: RESULT <scenario> key=value ...
// "all" runs every scenario in turn; the exit code is 0 only when every check held and nothing threw.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var scenarios = new Dictionary<string, Func<Task>>
{
    ["ingest"] = Benchmarks.IngestAsync,
    ["chart-query"] = Benchmarks.ChartQueryAsync,
    ["quota-day"] = Benchmarks.QuotaDayAsync,
    ["page-load"] = PageLoad.RunAsync,
    ["load"] = Load.RunAsync,
    ["redex-backlog"] = RedexBacklog.RunAsync,
    ["atess-day"] = AtessDay.RunAsync,
};
var options = BenchOptions.Parse(args);
if (options is null || (options.Scenario != "all" && !scenarios.ContainsKey(options.Scenario)))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/SolarDashboard.Benchmarks -- {string.Join('|', scenarios.Keys)}|all [--smoke] [--clients N --seconds S --circuits C]");
    return 2;
}
Bench.Options = options;
var total = Stopwatch.StartNew();
foreach (var (name, run) in scenarios.Where(s => options.Scenario == "all" || s.Key == options.Scenario))
{
    Console.WriteLine($"== {name}{(options.Smoke ? " (smoke)" : "")}: {Bench.Machine()}");
    var watch = Stopwatch.StartNew();
    try
    {
        await run();
    }
    catch (Exception ex)
    {
        Console.WriteLine(ex);
        Bench.Fail($"{name} threw {ex.GetType().Name}");
    }
    Console.WriteLine($"== {name} took {watch.Elapsed.TotalSeconds:0.0} s");
}
Console.WriteLine(Bench.Failed.Count == 0
    ? $"== all checks held ({total.Elapsed.TotalSeconds:0.0} s)"
    : $"== {Bench.Failed.Count} failed ({total.Elapsed.TotalSeconds:0.0} s): {string.Join("; ", Bench.Failed)}");
return Bench.Failed.Count == 0 ? 0 : 1;

internal static class Benchmarks
{
    private const int Kpis = 60;

    /// <summary>A database in a temp folder with the real schema and a few devices.</summary>
    private static async Task<(IDbContextFactory<SolarDbContext> Factory, string Dir)> DatabaseAsync(int devices)
    {
        var dir = Directory.CreateTempSubdirectory("sd-bench-").FullName;
        var options = new DbContextOptionsBuilder<SolarDbContext>().UseSqlite($"Data Source={Path.Combine(dir, "bench.db")}").Options;
        var factory = new Factory(options);
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        db.Connections.Add(new SolarDashboard.Core.Connections.VendorConnection { Name = "bench", BaseUrl = "http://localhost/" });
        await db.SaveChangesAsync();
        db.Plants.Add(new Plant { ConnectionId = 1, VendorKey = "NE=1", Name = "bench", TimeZoneId = "+01:00" });
        await db.SaveChangesAsync();
        for (var i = 0; i < devices; i++)
            db.Devices.Add(new Device { PlantId = 1, VendorKey = (i + 1).ToString(CultureInfo.InvariantCulture), Name = $"d{i}", Role = DeviceRole.Inverter, VendorType = "1" });
        await db.SaveChangesAsync();
        return (factory, dir);
    }

    private static IEnumerable<(int DeviceId, KpiSnapshot Sample)> History(int firstDevice, int devices, DateTimeOffset start, int days)
    {
        var random = new Random(7);
        for (var d = 0; d < devices; d++)
            for (var slot = 0; slot < days * 288; slot++)
            {
                var values = new Dictionary<string, double?>(Kpis);
                // The first is a key the FusionSolar mapping reads (an inverter's active power): its standard series is written too.
                for (var k = 0; k < Kpis; k++) values[k == 0 ? "active_power" : $"kpi_{k}"] = Math.Round(random.NextDouble() * 1000, 3);
                yield return (firstDevice + d, new KpiSnapshot(start + TimeSpan.FromMinutes(5 * slot), values));
            }
    }

    /// <summary>One history answer of 10 devices × 3 days (8,640 samples of 60 KPIs; smoke: 2 devices × 1 day), then the same answer again.</summary>
    public static async Task IngestAsync()
    {
        var (devices, days) = (Bench.Size(10, 2), Bench.Size(3, 1));
        var (factory, dir) = await DatabaseAsync(2 * devices);
        var writer = Writer(factory, new SeriesStore(factory));
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await writer.WriteHistoryAsync(History(devices + 1, devices, start.AddDays(-10), days).ToList()); // warm-up on other devices

        var answer = History(1, devices, start, days).ToList();
        GC.Collect(); // the answer's own allocation must not be collected inside the timed section
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var first = await writer.WriteHistoryAsync(answer);
        var ms = watch.Elapsed.TotalMilliseconds;
        var again = await writer.WriteHistoryAsync(answer);
        Console.WriteLine($"samples={answer.Count} values={answer.Count * Kpis} rows_added={first.RowsAdded} first_ingest_ms={ms:0.0}");
        Console.WriteLine($"re-ingest: rows_added={again.RowsAdded} rows_changed={again.RowsChanged} slots_changed={again.SlotsChanged}");
        Bench.Check(first.RowsAdded > 0, "the first ingest stores rows");
        Bench.Check(again.RowsAdded + again.RowsChanged == 0, "re-ingesting the same answer adds and changes no row");
        Bench.Target("ms", ms, "<=", 250);
        Console.WriteLine($"RESULT ingest ms={ms:0.0} rows_added_on_reingest={again.RowsAdded + again.RowsChanged}");
        Cleanup(dir);
    }

    /// <summary>One KPI of one device over 365 days (105,120 samples; smoke: 15 days) for a chart of ≤ 2,000 points, packed vs naive layout.</summary>
    public static async Task ChartQueryAsync()
    {
        var days = Bench.Size(365, 15);
        var (factory, dir) = await DatabaseAsync(1);
        var store = new SeriesStore(factory);
        var writer = Writer(factory, store);
        var end = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var start = end.AddDays(-days);
        Console.WriteLine($"loading {days} days × 288 samples × 60 KPIs in both layouts …");
        // Five days per history answer, as the sync stores them; the naive layout gets the very same samples.
        IEnumerable<List<(int DeviceId, KpiSnapshot Sample)>> Chunks() =>
            Enumerable.Range(0, (days + 4) / 5).Select(i => History(1, 1, start.AddDays(5 * i), Math.Min(5, days - 5 * i)).ToList());
        foreach (var chunk in Chunks()) await writer.WriteHistoryAsync(chunk);

        // The naive layout, measured in the same run: one row per sample with a JSON blob of its KPIs.
        await using (var db = factory.CreateDbContext())
        {
            var c = (SqliteConnection)db.Database.GetDbConnection();
            await c.OpenAsync();
            await using (var create = c.CreateCommand())
            {
                create.CommandText = "CREATE TABLE NaiveSamples (DeviceId INTEGER NOT NULL, CollectTime INTEGER NOT NULL, Json TEXT NOT NULL, PRIMARY KEY (DeviceId, CollectTime))";
                await create.ExecuteNonQueryAsync();
            }
            await using var tx = await c.BeginTransactionAsync();
            await using var insert = c.CreateCommand();
            insert.Transaction = (SqliteTransaction)tx;
            insert.CommandText = "INSERT INTO NaiveSamples VALUES (1, $t, $j)";
            var pt = insert.Parameters.Add("$t", SqliteType.Integer);
            var pj = insert.Parameters.Add("$j", SqliteType.Text);
            foreach (var (_, sample) in Chunks().SelectMany(c => c))
            {
                pt.Value = sample.CollectedAt.ToUnixTimeSeconds();
                pj.Value = JsonSerializer.Serialize(sample.Values);
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }

        async Task<IReadOnlyList<SeriesPoint>> Packed() => await store.ReadForChartAsync(1, "kpi_7", start, end, 2000);
        async Task<IReadOnlyList<SeriesPoint>> Naive()
        {
            await using var db = factory.CreateDbContext();
            var c = db.Database.GetDbConnection();
            await c.OpenAsync();
            await using var q = c.CreateCommand();
            q.CommandText = "SELECT CollectTime, json_extract(Json, '$.kpi_7') FROM NaiveSamples WHERE DeviceId = 1 AND CollectTime BETWEEN $a AND $b ORDER BY CollectTime";
            var pa = q.CreateParameter(); pa.ParameterName = "$a"; pa.Value = start.ToUnixTimeSeconds(); q.Parameters.Add(pa);
            var pb = q.CreateParameter(); pb.ParameterName = "$b"; pb.Value = end.ToUnixTimeSeconds(); q.Parameters.Add(pb);
            var points = new List<SeriesPoint>(105_120);
            await using var r = await q.ExecuteReaderAsync();
            while (await r.ReadAsync()) points.Add(new SeriesPoint(DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(0)), r.GetDouble(1)));
            return Downsampler.Lttb(points, 2000);
        }

        var (packedMs, packedPoints) = await MedianAsync(Packed);
        var (naiveMs, naivePoints) = await MedianAsync(Naive);
        Console.WriteLine($"packed: {packedMs:0.0} ms, {packedPoints} points; naive: {naiveMs:0.0} ms, {naivePoints} points (median of 7 warm runs)");
        var packed = await Packed();
        var naive = await Naive();
        Bench.Check(packed.Count == 2000, "the chart gets 2,000 points");
        Bench.Check(packed.Select(p => p.Time).SequenceEqual(naive.Select(p => p.Time)) && packed.Zip(naive).All(p => Math.Abs(p.First.Value - p.Second.Value) < 0.01),
            "the packed layout gives the naive layout's points");
        Bench.Target("ms (warm)", packedMs, "<=", 50);
        Bench.Target("speedup", naiveMs / packedMs, ">=", 10);
        Console.WriteLine($"RESULT chart-query ms={packedMs:0.0} speedup={naiveMs / packedMs:0.0} points={packedPoints}");
        Cleanup(dir);
    }

    private static async Task<(double Ms, int Points)> MedianAsync(Func<Task<IReadOnlyList<SeriesPoint>>> query)
    {
        var points = (await query()).Count; // warm
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            points = (await query()).Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[3], points);
    }

    /// <summary>
    /// 24 simulated hours of the real sync against the sandbox with flow control on: an API account with 120 plants (120
    /// inverters, batteries and power sensors) and an OAuth owner with 3 plants, on a clock advanced a minute at a time.
    /// Smoke: 1 simulated hour with 12 plants (the budget share is a whole day's figure: not judged).
    /// </summary>
    public static async Task QuotaDayAsync()
    {
        var (plants, simulated) = (Bench.Size(120, 12), TimeSpan.FromHours(Bench.Size(24, 1)));
        var start = new DateTimeOffset(2026, 6, 17, 0, 2, 0, TimeSpan.Zero);
        await using var sandbox = await SandboxHost.StartAsync(o =>
        {
            o.Fleet.InstallerPlants = plants;
            o.Fleet.InstallerAllResidential = true;
            o.Fleet.ResidentialDongles = false;
            o.Fleet.Owners = [new OwnerOptions { UserName = "owner-carl", Password = "demo", Plants = 3 }];
        }, start);
        await using var harness = await SyncHarness.StartAsync(sandbox);
        var installer = await harness.AddApiAccountAsync();
        var owner = await harness.AddOwnerAsync("owner-carl");
        var plantAges = new List<double>();
        var deviceAges = new List<double>();
        var realTimeTypes = new[] { "1", "10", "17", "38", "39", "41", "47" };
        var watch = Stopwatch.StartNew();
        var warmup = TimeSpan.FromMinutes(30); // first discovery and the first real-time round are not "ages"

        await harness.RunForAsync(simulated, TimeSpan.FromMinutes(1), [installer, owner], async () =>
        {
            var now = sandbox.Time.GetUtcNow();
            if (now - start < warmup) return;
            await using var db = await harness.DbAsync();
            var latest = await db.LatestKpis.AsNoTracking().Select(k => new { k.PlantId, k.DeviceId, k.CollectedAt }).ToListAsync();
            var realTimeDevices = (await db.Devices.AsNoTracking().Where(d => realTimeTypes.Contains(d.VendorType)).Select(d => d.Id).ToListAsync()).ToHashSet();
            plantAges.AddRange(latest.Where(k => k.PlantId != null).Select(k => (now - k.CollectedAt).TotalMinutes));
            deviceAges.AddRange(latest.Where(k => k.DeviceId != null && realTimeDevices.Contains(k.DeviceId.Value)).Select(k => (now - k.CollectedAt).TotalMinutes));
        });

        await using var result = await harness.DbAsync();
        var calls = await result.Calls.AsNoTracking().ToListAsync();
        var throttled = calls.Count(c => c.FailCode == 407 || c.HttpStatus is 403 or 429);
        var allowedInstaller = AllowedPerDay(harness, installer, oauth: false);
        var usedInstaller = calls.Count(c => c.ConnectionId == installer);
        var usedOwner = calls.Count(c => c.ConnectionId == owner);
        foreach (var group in calls.GroupBy(c => (c.ConnectionId, c.Api)).OrderBy(g => g.Key))
            Console.WriteLine($"  connection {group.Key.ConnectionId} {group.Key.Api,-20} {group.Count(),5} calls");
        var p95Plant = Percentile(plantAges, 0.95);
        var p95Device = Percentile(deviceAges, 0.95);
        Console.WriteLine($"simulated {simulated.TotalHours:0} h in {watch.Elapsed.TotalSeconds:0} s; calls: installer {usedInstaller} of {allowedInstaller} allowed a day, owner {usedOwner} of 1000");
        // The report backfill runs alongside: how far back each connection's plants have their day reports.
        var reach = await result.Plants.AsNoTracking().GroupBy(p => p.ConnectionId)
            .Select(g => new { g.Key, Plants = g.Count(), Loaded = g.Count(p => p.HistoryLoadedFrom != null), Oldest = g.Min(p => p.HistoryLoadedFrom), Newest = g.Max(p => p.HistoryLoadedFrom) }).ToListAsync();
        foreach (var r in reach)
            Console.WriteLine($"  connection {r.Key}: past day reports for {r.Loaded} of {r.Plants} plants, loaded back to {r.Oldest:yyyy-MM-dd}…{r.Newest:yyyy-MM-dd}");
        var backfilling = reach.All(r => r.Loaded == r.Plants);
        Bench.Check(throttled == 0, "no call throttled (the plan keeps within every documented budget)");
        Bench.Check(plantAges.Count > 0 && deviceAges.Count > 0, "real-time data of plants and devices reached the cache");
        Bench.Check(usedInstaller <= allowedInstaller && usedOwner <= 1000, "no more calls than a day's allowance");
        Bench.Check(backfilling, "past periods' reports were backfilled for every plant during the run");
        Bench.Target("plant_rt_age_p95_min", p95Plant, "<=", 10);
        Bench.Target("device_rt_age_p95_min", p95Device, "<=", 15);
        if (!Bench.Smoke)
        {
            Bench.Target("budget_used installer", usedInstaller / (double)allowedInstaller, ">=", 0.8);
            Bench.Target("budget_used owner", usedOwner / 1000.0, ">=", 0.8);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT quota-day throttled={throttled} plant_rt_age_p95_min={p95Plant:0.0} device_rt_age_p95_min={p95Device:0.0} budget_used=installer:{usedInstaller / (double)allowedInstaller:0.00},owner:{usedOwner / 1000.0:0.00} history_from={reach.Max(r => r.Newest):yyyy-MM-dd}"));
    }

    /// <summary>The day's allowance of an API account: every basic API's budget over its windows in a day (reference 4.2).</summary>
    private static int AllowedPerDay(SyncHarness harness, int connectionId, bool oauth)
    {
        if (oauth) return 1000;
        using var db = harness.DbAsync().GetAwaiter().GetResult();
        var inventory = new SolarDashboard.Vendors.FusionSolar.Sync.Inventory(
            db.Plants.Count(p => p.ConnectionId == connectionId),
            db.Devices.Where(d => db.Plants.Any(p => p.Id == d.PlantId && p.ConnectionId == connectionId)).GroupBy(d => d.VendorType).ToDictionary(g => int.Parse(g.Key, CultureInfo.InvariantCulture), g => g.Count()));
        return Enum.GetValues<SolarDashboard.Vendors.FusionSolar.Sync.DataClass>()
            .Where(c => c != SolarDashboard.Vendors.FusionSolar.Sync.DataClass.HistoryBackfill)
            .Select(c => SolarDashboard.Vendors.FusionSolar.Sync.FusionSolarPlanner.ApiAccountBudget(c, inventory))
            .Sum(b => (int)(b.Limit * (TimeSpan.FromDays(1) / b.Window)));
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1)];
    }

    /// <summary>The ingest as the app wires it, with the FusionSolar mapping (the benchmark's devices are FusionSolar inverters).</summary>
    private static CacheWriter Writer(IDbContextFactory<SolarDbContext> factory, SeriesStore store) =>
        new(factory, store, new CacheNotifier(), new MeasureMappings([new FusionSolarMeasures()]), new PlantSummaries(factory, TimeProvider.System));

    private static void Cleanup(string dir)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    private sealed class Factory(DbContextOptions<SolarDbContext> options) : IDbContextFactory<SolarDbContext>
    {
        public SolarDbContext CreateDbContext() => new(options);
    }
}
