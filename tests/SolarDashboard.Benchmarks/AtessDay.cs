using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Testing;

/// <summary>
/// atess-day: 24 simulated hours of the real ATESS sync against the sandbox (HTTP into the in-memory sandbox, SQLite, the
/// sandbox's manual clock moved a minute at a time) for a fleet of 50 devices (the three demo sites and 12 more; smoke: the
/// demo sites' 10 devices over 2 hours). Reports refused calls (the 5-minute acquisition limit: must be 0), the real-time
/// age p95 of devices whose datalog is in contact (≤ 10 minutes), and whether each device's history is complete after the
/// backfill: its stored 5-minute samples against the slots from the backfill's horizon to its newest upload, no gap.
/// </summary>
internal static class AtessDay
{
    public static async Task RunAsync()
    {
        var (extraSites, simulated, horizon) = (Bench.Size(12, 0), TimeSpan.FromHours(Bench.Size(24, 2)), TimeSpan.FromDays(Bench.Size(7, 1)));
        var start = new DateTimeOffset(2026, 6, 17, 0, 2, 0, TimeSpan.Zero);
        await using var sandbox = await SandboxHost.StartAsync(o => o.Atess.ExtraSites = extraSites, start);
        await using var harness = await SyncHarness.StartAsync(sandbox, settings: new Dictionary<string, string?>
        {
            ["Atess:Sync:HistoryHorizon"] = horizon.ToString("c", CultureInfo.InvariantCulture),
        });
        var atess = await harness.AddAtessAsync();
        var ages = new List<double>();
        var warmup = TimeSpan.FromMinutes(30); // discovery and the first round of latest uploads are not "ages"
        var watch = Stopwatch.StartNew();

        await harness.RunForAsync(simulated, TimeSpan.FromMinutes(1), [atess], async () =>
        {
            var now = sandbox.Time.GetUtcNow();
            if (now - start < warmup) return;
            await using var db = await harness.DbAsync();
            // A datalog that lost contact uploads nothing new: its devices' ages say nothing about the sync.
            var latest = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null).Select(k => k.CollectedAt).ToListAsync();
            ages.AddRange(latest.Select(at => (now - at).TotalMinutes).Where(age => age < 120));
        });
        var seconds = watch.Elapsed.TotalSeconds;
        var end = sandbox.Time.GetUtcNow();

        await using var result = await harness.DbAsync();
        var devices = await result.Devices.AsNoTracking().Where(d => d.Role != DeviceRole.Logger).Select(d => new { d.Id, d.VendorKey, d.VendorType }).ToListAsync();
        var newest = await result.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null).ToDictionaryAsync(k => k.DeviceId!.Value, k => k.CollectedAt);
        var calls = await result.Calls.AsNoTracking().Where(c => c.ConnectionId == atess).ToListAsync();
        var refused = calls.Count(c => c.Error == "AcquisitionLimited");
        var lost = devices.Count(d => newest.TryGetValue(d.Id, out var at) && end - at > TimeSpan.FromHours(1));

        // History: every 5-minute slot from the horizon to the device's newest upload holds a sample (any standard series).
        // Samples are stamped at their interval's start; an upload's time is its interval's end.
        var store = harness.Service<SeriesStore>();
        var names = StandardMeasure.Series.Select(m => m.SeriesName).ToList();
        var from = Slot(end - horizon) + SeriesPacking.Slot;
        long expected = 0, stored = 0;
        var incomplete = new List<string>();
        foreach (var device in devices)
        {
            if (!newest.TryGetValue(device.Id, out var last)) { incomplete.Add($"{device.VendorKey}: no upload"); continue; }
            var to = Slot(last) - SeriesPacking.Slot;
            var slots = (long)((to - from) / SeriesPacking.Slot) + 1;
            var series = await store.ReadManyAsync([device.Id], names, from, to);
            var have = series.GetValueOrDefault(device.Id)?.Values.SelectMany(p => p).Select(p => p.Time).Distinct().Count() ?? 0;
            expected += slots;
            stored += have;
            if (have < slots)
            {
                var times = series.GetValueOrDefault(device.Id)?.Values.SelectMany(p => p).Select(p => p.Time).ToHashSet() ?? [];
                var missing = Enumerable.Range(0, (int)slots).Select(i => from + i * SeriesPacking.Slot).Where(t => !times.Contains(t)).Take(3);
                incomplete.Add($"{device.VendorKey} ({device.VendorType}) {have}/{slots} missing {string.Join(' ', missing.Select(t => t.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)))}");
            }
        }
        var p95 = Percentile(ages, 0.95);
        foreach (var group in calls.GroupBy(c => c.Api.Split(' ')[1]).OrderBy(g => g.Key))
            Console.WriteLine($"  {group.Key,-28} {group.Count(),6} calls");
        Console.WriteLine($"fleet: {devices.Count} devices ({lost} behind a datalog that lost contact); simulated {simulated.TotalHours:0} h in {seconds:0.0} s wall");
        Console.WriteLine($"calls: {calls.Count}, refused for the acquisition limit {refused}; real-time age p95 {p95:0.0} min over {ages.Count} readings");
        Console.WriteLine($"history since {from:yyyy-MM-dd HH:mm}Z: {stored:N0} of {expected:N0} 5-minute samples stored{(incomplete.Count == 0 ? "" : "; incomplete: " + string.Join(", ", incomplete.Take(10)))}");
        Bench.Check(devices.Count >= Bench.Size(50, 10), $"the fleet has {Bench.Size(50, 10)} devices ({devices.Count})");
        Bench.Check(refused == 0, "no call refused for the 5-minute acquisition limit");
        Bench.Check(ages.Count > 0 && p95 <= 10, "real-time age p95 within 10 minutes");
        Bench.Check(incomplete.Count == 0 && stored == expected, "history complete after the backfill, no gap");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT atess-day devices={devices.Count} hours={simulated.TotalHours:0} seconds={seconds:0.0} calls={calls.Count} refused={refused} rt_age_p95_min={p95:0.0} history_samples={stored}/{expected} gaps={incomplete.Count}"));
    }

    private static DateTimeOffset Slot(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % SeriesPacking.Slot.Ticks, TimeSpan.Zero);

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1)];
    }
}
