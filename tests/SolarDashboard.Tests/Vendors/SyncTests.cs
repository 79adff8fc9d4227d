using SolarDashboard.Core.Users;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;
using ReportPeriod = SolarDashboard.Core.Reports.ReportPeriod;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Vendors;

/// <summary>The FusionSolar sync against the sandbox: what lands in the cache, and how it survives failures and restarts.</summary>
public sealed class SyncTests
{
    private static async Task<int> CountAsync(SyncHarness h, string table)
    {
        await using var db = await h.DbAsync();
        return table switch
        {
            "plants" => await db.Plants.CountAsync(),
            "devices" => await db.Devices.CountAsync(),
            "reports" => await db.Reports.CountAsync(),
            "series" => await db.Series.CountAsync(),
            "alarms" => await db.Alarms.CountAsync(),
            "407" => await db.Calls.CountAsync(c => c.FailCode == 407),
            _ => await db.Calls.CountAsync(),
        };
    }

    [Fact]
    public async Task The_first_rounds_discover_the_fleet_and_fill_every_part_of_the_cache()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1), [id]);

        Assert.Equal(12, await CountAsync(h, "plants"));
        Assert.Equal(sandbox.World.Fleet.Installer.PlantCodes.Sum(c => sandbox.World.Fleet.DevicesByPlant[c].Count()), await CountAsync(h, "devices"));
        var plants = await h.Queries.ListPlantsAsync(PlantScope.All);
        Assert.All(plants, p =>
        {
            Assert.NotNull(p.TodayYieldKwh.Value);
            Assert.NotNull(p.BatterySoc.Value);
            Assert.False(p.IsStale);
            Assert.Contains(p.Health, new[] { Health.Healthy, Health.Faulty });
        });
        await using var db = await h.DbAsync();
        foreach (var period in Enum.GetValues<ReportPeriod>())
            Assert.True(await db.Reports.AnyAsync(r => r.Period == period), $"no {period} reports");
        Assert.True(await db.Series.AnyAsync());
        Assert.Equal(ConnectionState.Connected, (await db.Connections.SingleAsync()).State);
        Assert.Equal(0, await db.Calls.CountAsync(c => !c.Succeeded));
    }

    [Fact]
    public async Task The_quota_view_shows_each_api_s_budget_and_what_was_spent()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(1), [id]);
        var quota = (await h.Quota.GetAsync(id))!;
        Assert.Equal(ConnectionState.Connected, quota.State);
        var realTime = quota.Apis.Single(a => a.Api == "getStationRealKpi");
        Assert.Equal((TimeSpan.FromMinutes(5), 1), (realTime.Window, realTime.Allowed)); // 12 plants: Roundup(12/100) per 5 minutes
        Assert.InRange(realTime.Used24h, 2, 3);
        Assert.Equal(34, quota.Apis.Single(a => a.Api == "stations").Allowed);
        Assert.All(quota.Apis, a => Assert.True(a.UsedInWindow <= a.Allowed, a.Api));
        Assert.Empty(quota.RecentFailures);
    }

    [Fact]
    public async Task Slow_cut_off_and_data_worded_answers_leave_the_cache_consistent()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), [id]);
        var before = await CountAsync(h, "plants");
        sandbox.Service<Quirks>().Current = new QuirkOptions { SlowAnswerMilliseconds = 20, TruncatedJsonRate = 0.3, RateLimitTextInData = true };
        await h.RunForAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1), [id]);
        sandbox.Service<Quirks>().Current = new QuirkOptions();
        await h.RunForAsync(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1), [id]);
        Assert.Equal(before, await CountAsync(h, "plants"));
        Assert.All(await h.Queries.ListPlantsAsync(PlantScope.All), p => Assert.False(p.IsStale));
        await using var db = await h.DbAsync();
        Assert.True(await db.Calls.AnyAsync(c => c.Error == "Unavailable"), "the truncated answers were not seen as failures");
        Assert.Equal(ConnectionState.Connected, (await db.Connections.SingleAsync()).State);
    }

    [Fact]
    public async Task Plant_time_zones_are_learned_from_plant_local_midnights()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), [id]);
        await using var db = await h.DbAsync();
        foreach (var plant in await db.Plants.ToListAsync())
        {
            var zone = sandbox.World.Fleet.PlantsByCode[plant.VendorKey].Zone;
            Assert.Equal(SolarDashboard.Core.Plants.PlantTime.FormatOffset(zone.GetUtcOffset(sandbox.Time.GetUtcNow())), plant.TimeZoneId);
        }
    }

    [Fact]
    public async Task Ingesting_the_same_answers_again_adds_nothing()
    {
        await using var sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunDueAsync(id);
        await using (var db = await h.DbAsync())
        {
            // Make every job due again at the same instant: the vendor answers the same. (Not the backfills: they would
            // rightly move on to older windows and periods, so they are marked complete.)
            foreach (var s in await db.SyncStates.Where(s => s.DataClass != "HistoryBackfill").ToListAsync())
            {
                s.NextDueAt = sandbox.Time.GetUtcNow();
                if (s.DataClass.EndsWith(".Backfill")) s.Cursor = "2000-01-01";
            }
            foreach (var p in await db.Plants.ToListAsync()) p.HistoryLoadedFrom = new DateOnly(2000, 1, 1);
            await db.SaveChangesAsync();
        }
        var (reports, series, alarms) = (await CountAsync(h, "reports"), await CountAsync(h, "series"), await CountAsync(h, "alarms"));
        await h.RunDueAsync(id);
        Assert.Equal(reports, await CountAsync(h, "reports"));
        Assert.Equal(series, await CountAsync(h, "series"));
        Assert.Equal(alarms, await CountAsync(h, "alarms"));
    }

    [Fact]
    public async Task A_vendor_outage_keeps_the_last_good_values_marks_them_stale_and_recovers()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), [id]);
        var before = (await h.Queries.ListPlantsAsync(PlantScope.All)).ToDictionary(p => p.Id);

        sandbox.Service<Quirks>().Current = new QuirkOptions { HtmlErrorPageRate = 1 };
        await h.RunForAsync(TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(1), [id]);
        var during = await h.Queries.ListPlantsAsync(PlantScope.All);
        Assert.All(during, p =>
        {
            Assert.Equal(before[p.Id].TodayYieldKwh.Value, p.TodayYieldKwh.Value); // kept, not blanked
            Assert.True(p.IsStale);
        });
        await using (var db = await h.DbAsync())
        {
            var connection = await db.Connections.SingleAsync();
            Assert.Equal(ConnectionState.Unreachable, connection.State);
            Assert.Contains("error page", connection.LastError);
            // Backing off: far fewer calls than one per job per minute.
            Assert.True(await db.Calls.CountAsync(c => !c.Succeeded) < 40, "the sync hammered a failing vendor");
        }

        sandbox.Service<Quirks>().Current = new QuirkOptions();
        await h.RunForAsync(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1), [id]);
        Assert.All(await h.Queries.ListPlantsAsync(PlantScope.All), p => Assert.False(p.IsStale));
        await using var after = await h.DbAsync();
        Assert.Equal(ConnectionState.Connected, (await after.Connections.SingleAsync()).State);
    }

    [Fact]
    public async Task A_restart_resumes_without_overspending_or_double_counting()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        for (var i = 0; i < 6; i++)
        {
            await h.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), [id]);
            await h.RestartAsync();
        }
        Assert.Equal(0, await CountAsync(h, "407"));
        await using var db = await h.DbAsync();
        // One plant list per 6 hours, whatever the restarts (its budget is 34 a day).
        Assert.InRange(await db.Calls.CountAsync(c => c.Api == "stations"), 1, 2);
        Assert.Equal(12, await db.Plants.CountAsync());
        // Backfill progress survives: its cursor is in the database.
        Assert.NotNull((await db.SyncStates.SingleAsync(s => s.DataClass == "HistoryBackfill")).Cursor);
        Assert.Equal(await db.Reports.CountAsync(), await db.Reports.Select(r => new { r.PlantId, r.DeviceId, r.Period, r.LocalStart }).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_rejected_password_stops_the_connection_after_one_login()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync(password: "wrong");
        await h.RunForAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1), [id]);
        await using var db = await h.DbAsync();
        var connection = await db.Connections.SingleAsync();
        Assert.Equal(ConnectionState.CredentialsRejected, connection.State);
        Assert.Contains("rejected", connection.LastError);
        // The account is not locked: one wrong login, then none.
        var login = await sandbox.PostAsync("thirdData/login", """{"userName":"demo-installer","systemCode":"demo-installer-2024"}""");
        Assert.Equal(0, login["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Gateway_throttling_backs_off_instead_of_retrying()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), [id]);
        var calls = await CountAsync(h, "calls");
        sandbox.Service<Quirks>().Current = new QuirkOptions { GatewayThrottleRate = 1 };
        await h.RunForAsync(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(20), [id]);
        Assert.True(await CountAsync(h, "calls") - calls <= 12, "more than one try a couple of minutes while throttled");
    }

    [Fact]
    public async Task Loose_vendor_values_and_midnight_dips_leave_a_correct_cache()
    {
        var start = new DateTimeOffset(2026, 6, 17, 21, 30, 0, TimeSpan.Zero); // Berlin plant crosses local midnight
        await using var sandbox = await SandboxHost.StartAsync(start: start);
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), [id]);
        sandbox.Service<Quirks>().Current = new QuirkOptions { NumbersAsStrings = true, MissingValueRate = 0.2, MidnightCounterDip = true };

        var totals = new Dictionary<int, double>();
        await h.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), [id], async () =>
        {
            await using var db = await h.DbAsync();
            foreach (var k in await db.LatestKpis.Where(k => k.PlantId != null).ToListAsync())
            {
                var v = JsonSerializer.Deserialize<Dictionary<string, double?>>(k.ValuesJson)!.GetValueOrDefault("total_power");
                if (v is not { } total) continue;
                Assert.True(total >= totals.GetValueOrDefault(k.PlantId!.Value), $"plant {k.PlantId} lifetime yield went down: {totals.GetValueOrDefault(k.PlantId.Value)} → {total}");
                totals[k.PlantId.Value] = total;
            }
        });
        Assert.NotEmpty(totals);

        // The inverter's lifetime counter reads monotonic in its series, dip or not.
        await using var check = await h.DbAsync();
        var inverter = await check.Devices.FirstAsync(d => d.VendorType == "38");
        var series = await h.Queries.GetSeriesAsync(PlantScope.All, inverter.Id, "total_cap", start, sandbox.Time.GetUtcNow());
        Assert.NotEmpty(series);
        Assert.All(series.Zip(series.Skip(1)), pair => Assert.True(pair.Second.Value >= pair.First.Value));
    }

    [Fact]
    public async Task Today_reads_zero_after_plant_local_midnight_until_the_new_day_arrives()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunDueAsync(id);
        var plants = await h.Queries.ListPlantsAsync(PlantScope.All);
        var before = plants.First(p => p.TimeZoneId == "+02:00" && p.TodayYieldKwh.Value > 0);
        // A day later without any sync (vendor unreachable): yesterday's "today" must not be shown as today's.
        sandbox.Time.Advance(TimeSpan.FromDays(1));
        var after = (await h.Queries.ListPlantsAsync(PlantScope.All)).Single(p => p.Id == before.Id);
        Assert.Equal(0, after.TodayYieldKwh.Value);
        Assert.True(after.TodayYieldKwh.IsStale);
    }
    [Fact]
    public async Task A_secret_that_can_no_longer_be_decrypted_asks_for_the_credentials_instead_of_stopping_the_app()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await using (var db = await h.DbAsync())
        {
            // Encrypted with keys this app no longer has (a data folder restored without its keys folder).
            var other = Microsoft.AspNetCore.DataProtection.DataProtectionProvider.Create(new DirectoryInfo(Directory.CreateTempSubdirectory("sd-otherkeys-").FullName));
            var connection = await db.Connections.SingleAsync(c => c.Id == id);
            connection.ProtectedSecret = new SolarDashboard.Core.Security.SecretProtector(other).Protect("demo-installer-2024");
            await db.SaveChangesAsync();
        }
        var runner = h.Service<SolarDashboard.Core.Sync.ConnectionSyncRunner>();
        await using (var db = await h.DbAsync()) await runner.RunAsync(await db.Connections.AsNoTracking().SingleAsync(c => c.Id == id), CancellationToken.None);

        await using var after = await h.DbAsync();
        var state = await after.Connections.SingleAsync(c => c.Id == id);
        Assert.Equal(ConnectionState.CredentialsRejected, state.State);
        Assert.Equal(SolarDashboard.Core.Sync.ConnectionSyncRunner.UnreadableSecret, state.LastError);
        Assert.Equal(0, await after.Calls.CountAsync());
    }
}
