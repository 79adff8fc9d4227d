using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Users;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Testing;
using SolarDashboard.Vendors.Atess;
using SolarDashboard.Vendors.Atess.Sync;

namespace SolarDashboard.Tests.Vendors.Atess;

/// <summary>The ATESS sync against the sandbox (faithful acquisition limit): what it discovers, how often it asks, and how history fills.</summary>
public sealed class AtessSyncTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Every vendor request the sync makes, in order.</summary>
    private sealed class Requests
    {
        public ConcurrentQueue<(DateTimeOffset At, Uri Uri)> All { get; } = new();

        public List<Dictionary<string, string>> DataList(string path, string sn) => All.Where(r => r.Uri.AbsolutePath.EndsWith(path, StringComparison.Ordinal))
            .Select(r => Query(r.Uri)).Where(q => q["deviceSn"] == sn).ToList();

        private static Dictionary<string, string> Query(Uri uri) => uri.Query.TrimStart('?').Split('&').Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
    }

    private static async Task<(SyncHarness Harness, int Id, Requests Requests)> StartAsync(SandboxHost sandbox, TimeSpan? horizon = null, string key = SandboxHost.AtessKey)
    {
        var requests = new Requests();
        var harness = await SyncHarness.StartAsync(sandbox, r => requests.All.Enqueue((sandbox.Time.GetUtcNow(), r.RequestUri!)));
        harness.Service<IOptions<AtessSyncOptions>>().Value.HistoryHorizon = horizon ?? TimeSpan.FromDays(8);
        return (harness, await harness.AddAtessAsync(apiKey: key), requests);
    }

    private static async Task<List<VendorCall>> CallsAsync(SyncHarness h)
    {
        await using var db = await h.DbAsync();
        return await db.Calls.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task The_first_round_discovers_plants_datalogs_and_devices_with_their_roles_and_models()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (h, id, _) = await StartAsync(sandbox, TimeSpan.FromHours(1));
        await using var _h = h;
        await h.RunDueAsync(id);

        await using var db = await h.DbAsync();
        var plants = await db.Plants.AsNoTracking().OrderBy(p => p.Name).ToListAsync();
        Assert.Equal(["Nairobi Cold Store", "Quezon City Clinic", "Riverland Farm"], plants.Select(p => p.Name));
        Assert.Equal(["Africa/Nairobi", "Asia/Manila", "Australia/Adelaide"], plants.Select(p => p.TimeZoneId));
        string Devices(int plant) => string.Join(", ", db.Devices.AsNoTracking().Where(d => d.PlantId == plant).AsEnumerable()
            .OrderBy(d => d.Role).ThenBy(d => d.Name).Select(d => $"{d.Name}={d.Role}/{d.VendorType}"));
        Assert.Equal("HPS150HV=HybridInverter/HPS150HV, MBMS=Battery/MBMS, BCU 1=BmsRack/BCU, BCU 2=BmsRack/BCU, BCU 3=BmsRack/BCU, BCU 4=BmsRack/BCU, Datalog=Logger/DataLog",
            Devices(plants[0].Id));
        Assert.Equal("HPS50=HybridInverter/HPS50, PCS100=HybridInverter/PCS100, PBD250=DcConverter/PBD250, Datalog=Logger/DataLog", Devices(plants[2].Id));
        Assert.Equal(ConnectionState.Connected, (await db.Connections.SingleAsync()).State);
        // Every device's latest upload is in the cache after the first round.
        var withValues = await db.LatestKpis.CountAsync(k => k.DeviceId != null);
        Assert.Equal(await db.Devices.CountAsync(d => d.Role != DeviceRole.Logger), withValues);
    }

    [Fact]
    public async Task Latest_values_stay_within_one_acquisition_period_and_no_call_is_ever_refused()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (h, id, _) = await StartAsync(sandbox, TimeSpan.FromDays(1));
        await using var _h = h;
        var oldest = TimeSpan.Zero;
        await h.RunForAsync(TimeSpan.FromHours(3), Minute, [id], async () =>
        {
            await using var db = await h.DbAsync();
            var lost = await db.Plants.Where(p => p.Name == "Quezon City Clinic").Select(p => p.Id).SingleAsync();
            var now = sandbox.Time.GetUtcNow();
            var latest = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null && db.Devices.Any(d => d.Id == k.DeviceId && d.PlantId != lost)).ToListAsync();
            foreach (var k in latest) oldest = now - k.CollectedAt > oldest ? now - k.CollectedAt : oldest;
        });

        Assert.InRange(oldest, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var calls = await CallsAsync(h);
        Assert.All(calls, c => Assert.True(c.Succeeded, $"{c.Api} at {c.At}: {c.Error}"));
        // Each endpoint and target at most once per 5 minutes.
        foreach (var group in calls.GroupBy(c => c.Api))
            foreach (var (a, b) in group.Zip(group.Skip(1)))
                Assert.True(b.At - a.At >= AtessClient.AcquisitionPeriod, $"{group.Key}: {a.At:HH:mm:ss} then {b.At:HH:mm:ss}");
        // Every device that reports is read every period (or nearly): about 3 h / 6 min.
        var hps = calls.Count(c => c.Api.StartsWith("GET hps/data-last ", StringComparison.Ordinal));
        Assert.InRange(hps, 28, 37);
        // The quota view: per endpoint, one call per target and 5 minutes.
        var quota = (await h.Quota.GetAsync(id))!;
        var racks = quota.Apis.Single(a => a.Api == "GET bms/buc-data-last");
        Assert.Equal((AtessClient.AcquisitionPeriod, 4), (racks.Window, racks.Allowed));
        Assert.All(quota.Apis, a => Assert.InRange(a.UsedInWindow, 0, a.Allowed));
        Assert.Empty(quota.RecentFailures);
    }

    [Fact]
    public async Task History_is_backfilled_newest_first_without_a_gap_and_no_row_is_asked_for_twice()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (h, id, requests) = await StartAsync(sandbox, TimeSpan.FromDays(8));
        await using var _h = h;
        await h.RunForAsync(TimeSpan.FromMinutes(40), Minute, [id]);
        // The sync stops for an hour (a restart, an outage); when it is back, the hour is one gap, filled from history.
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        await h.RunForAsync(TimeSpan.FromMinutes(20), Minute, [id]);

        await using var db = await h.DbAsync();
        var device = await db.Devices.AsNoTracking().SingleAsync(d => d.VendorType == "HPS150HV");
        var asked = requests.DataList("/hps/data-list", device.VendorKey);
        var windows = asked.Select(q => (From: Parse(q["startDate"]), To: Parse(q["endDate"]), Page: q["pageNo"])).ToList();
        // The backfill: the newest window first, then older ones; the hour's gap after it, exactly between two uploads.
        Assert.True(windows.Count >= 3, string.Join(" | ", windows));
        Assert.True(windows[1].To < windows[0].From, "the second window is older than the first");
        var gap = windows.Single(w => w.To - w.From is { TotalMinutes: > 50 and < 75 });
        Assert.Equal((0, 1, 4, 59), (gap.From.Minute % 5, gap.From.Second, gap.To.Minute % 5, gap.To.Second));
        // No two windows overlap: no row was asked for twice.
        foreach (var (a, i) in windows.Select((w, i) => (w, i)))
            foreach (var b in windows.Skip(i + 1))
                Assert.True(a.To < b.From || b.To < a.From, $"{a} overlaps {b}");

        // Complete: every 5-minute slot from the horizon (8 days back) to the latest upload, once.
        var now = sandbox.Time.GetUtcNow();
        var points = await h.Service<SeriesStore>().ReadAsync(device.Id, "capacity", now - TimeSpan.FromDays(8), now);
        var slots = points.Select(p => p.Time).ToList();
        Assert.Equal(slots.Distinct().Count(), slots.Count);
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second - pair.First));
        Assert.InRange(slots[0] - (now - TimeSpan.FromDays(8)), TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Assert.InRange(now - slots[^1], TimeSpan.Zero, TimeSpan.FromMinutes(12));
        Assert.All(await CallsAsync(h), c => Assert.True(c.Succeeded, $"{c.Api}: {c.Error}"));

        // Days (and their month) from the day counters of each day's last upload: ATESS has no report API.
        var nairobi = TimeSpan.FromHours(3);
        var yesterday = DateOnly.FromDateTime(now.ToOffset(nairobi).Date).AddDays(-1);
        var lastUpload = new DateTimeOffset(yesterday.ToDateTime(new TimeOnly(23, 50)), nairobi); // the 23:55 upload's slot
        var epv = (await h.Service<SeriesStore>().ReadAsync(device.Id, "epvToday", lastUpload, lastUpload)).Single().Value;
        var days = await h.Queries.GetEnergyAsync(PlantScope.All, device.PlantId, SolarDashboard.Core.Reports.ReportPeriod.Day, "2026-06-09", "2026-06-17");
        Assert.Equal(epv, days.Single(d => d.LocalStart == yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Energy[StandardMeasure.PvKwh]);
        Assert.True(epv > 100);
        Assert.Equal(9, days.Count); // eight days back, and today so far
        var month = await h.Queries.GetEnergyAsync(PlantScope.All, device.PlantId, SolarDashboard.Core.Reports.ReportPeriod.Month, "2026-06", "2026-06");
        Assert.Equal(Math.Round(days.Sum(d => d.Energy[StandardMeasure.PvKwh]!.Value), 3), Math.Round(month.Single().Energy[StandardMeasure.PvKwh]!.Value, 3));
    }

    private static DateTime Parse(string local) => DateTime.ParseExact(local, AtessTime.Format, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_restart_within_a_period_waits_for_it_from_the_call_log()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (h, id, _) = await StartAsync(sandbox, TimeSpan.FromDays(1));
        await using var _h = h;
        await h.RunForAsync(TimeSpan.FromMinutes(7), Minute, [id]);
        await h.RestartAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(15), Minute, [id]);

        var calls = await CallsAsync(h);
        Assert.All(calls, c => Assert.True(c.Succeeded, $"{c.Api} at {c.At}: {c.Error}"));
        Assert.Contains(calls, c => c.At > sandbox.Time.GetUtcNow() - TimeSpan.FromMinutes(10) && c.Api.StartsWith("GET hps/data-last", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_key_stops_the_connection_after_two_tries_a_period_apart()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (h, id, requests) = await StartAsync(sandbox, key: "wrong-key");
        await using var _h = h;
        await h.RunForAsync(TimeSpan.FromMinutes(30), Minute, [id]);

        Assert.Equal(2, requests.All.Count);
        Assert.True(requests.All.Last().At - requests.All.First().At >= AtessClient.AcquisitionPeriod);
        await using var db = await h.DbAsync();
        var connection = await db.Connections.SingleAsync();
        Assert.Equal(ConnectionState.CredentialsRejected, connection.State);
        Assert.Contains("API key", connection.LastError);
    }

    [Fact]
    public async Task A_datalog_that_lost_contact_is_asked_rarely_and_its_values_turn_stale()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var (h, id, requests) = await StartAsync(sandbox, TimeSpan.FromDays(1));
        await using var _h = h;
        await h.RunForAsync(TimeSpan.FromHours(2), Minute, [id]);

        var plants = await h.Queries.ListPlantsAsync(PlantScope.All);
        Assert.True(plants.Single(p => p.Name == "Quezon City Clinic").IsStale);
        Assert.False(plants.Single(p => p.Name == "Nairobi Cold Store").IsStale);
        await using var db = await h.DbAsync();
        var clinic = await db.Devices.AsNoTracking().SingleAsync(d => d.VendorType == "HPS30");
        Assert.InRange(requests.All.Count(r => r.Uri.AbsolutePath.EndsWith("/hps/data-last-small", StringComparison.Ordinal) && r.Uri.Query.Contains(clinic.VendorKey)), 4, 5);
    }
}
