using System.Diagnostics;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Redex;
using SolarDashboard.Testing;

/// <summary>
/// redex-backlog: one year of daily production for 200 inverters of both vendors (smoke: 10 inverters × 30 days) sent to the
/// in-memory REDEX sandbox and tracked to Success, on the simulated clock. Reports the wall time, the simulated time, the
/// requests against the limit of 60 a minute, and checks zero refused requests and one version per day at the registry.
/// </summary>
internal static class RedexBacklog
{
    public static async Task RunAsync()
    {
        var (inverters, days) = (Bench.Size(200, 10), Bench.Size(365, 30));
        var yesterday = new DateOnly(2026, 6, 16);
        await using var h = await RedexExportHarness.StartAsync(fleetInverters: inverters - 3, configure: o =>
        {
            o.Fleet.InstallerPlants = inverters;
            o.Fleet.InstallerAllResidential = true;
        });
        var ids = Enumerable.Range(0, inverters - 3).Select(i => ($"STR{10000000340001 + i}", Vendor.FusionSolar))
            .Concat(Enumerable.Range(0, 3).Select(i => ($"STR{10000000350001 + i}", Vendor.Atess))).ToList();
        var watch = Stopwatch.StartNew();
        var expected = 0;
        foreach (var (id, vendor) in ids)
        {
            var inverter = h.RegisteredAtRedex(id);
            var from = new[] { yesterday.AddDays(1 - days), inverter.StartDate }.Max();
            expected += yesterday.DayNumber - from.DayNumber + 1;
            await h.AddInverterAsync(id, vendor, from, yesterday, d => Math.Round(inverter.CapacityKw * (1.5 + d.DayNumber % 7 * 0.5), 4));
        }
        Console.WriteLine($"cache filled: {ids.Count} inverters, {expected:N0} days in {watch.Elapsed.TotalSeconds:0.0} s");

        watch.Restart();
        var rounds = 0;
        int succeeded;
        do
        {
            await h.RunAsync(1);
            rounds++;
            await using var db = await h.Sync.DbAsync();
            succeeded = db.RedexExportDays.Count(d => d.IsCurrent && d.State == ExportState.Success);
        }
        while (succeeded < expected && rounds < 120);
        var seconds = watch.Elapsed.TotalSeconds;

        var traffic = h.Traffic;
        var versions = ids.Sum(i => h.Registry.Days(i.Item1).Count(d => d.Versions.Count != 1));
        Console.WriteLine($"exported {succeeded:N0} of {expected:N0} days to Success in {seconds:0.0} s wall, {rounds} rounds ({rounds} simulated minutes)");
        Console.WriteLine($"requests: {traffic.Admitted} admitted ({h.Exporter.Requests} data and status), busiest 60 s {traffic.PeakPerMinute} of {traffic.LimitPerMinute}, refused {traffic.Refused}");
        Bench.Check(succeeded == expected, $"every day reached Success ({succeeded}/{expected})");
        Bench.Check(traffic.Refused == 0, "no request refused with 429");
        Bench.Check(traffic.PeakPerMinute <= traffic.LimitPerMinute, "within 60 requests in any 60 s");
        Bench.Check(versions == 0, "no day sent twice");
        Bench.Target("seconds", seconds, "<=", 120);
        Console.WriteLine($"RESULT redex-backlog inverters={ids.Count} days={expected} seconds={seconds:0.0} rounds={rounds} requests={traffic.Admitted} peak_per_minute={traffic.PeakPerMinute} limit={traffic.LimitPerMinute} refused={traffic.Refused} resent={versions}");
    }
}
