using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;
using ReportPeriod = SolarDashboard.Core.Reports.ReportPeriod;

namespace SolarDashboard.Tests.Vendors;

/// <summary>
/// Past periods' reports (issue 14, "History that is there"): fetched newest first back to each plant's grid
/// connection, from the headroom each report API's budget leaves, with the progress kept in the database.
/// </summary>
public sealed class ReportBackfillTests
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 10, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Past_months_are_loaded_newest_first_with_the_vendors_figures_and_no_refused_call()
    {
        await using var sandbox = await SandboxHost.StartAsync(start: Winter);
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromHours(3), TimeSpan.FromMinutes(5), [id]);

        var now = sandbox.Time.GetUtcNow();
        await using var db = await h.DbAsync();
        Assert.DoesNotContain(await db.Calls.Where(c => !c.Succeeded).Select(c => c.Api + " " + c.FailCode).ToListAsync(), _ => true);
        var plants = await db.Plants.ToListAsync();
        var deepest = plants.Min(p => p.HistoryLoadedFrom);
        Assert.True(deepest <= new DateOnly(2026, 3, 1), $"history reached only {deepest} in three hours");
        foreach (var plant in plants)
        {
            var sim = sandbox.World.Fleet.PlantsByCode[plant.VendorKey];
            var simulator = sandbox.World.Simulator(sim);
            var loaded = Assert.NotNull(plant.HistoryLoadedFrom);
            // Newest first: every month from the loaded one to last month is there, none skipped.
            for (var month = loaded; month < new DateOnly(2026, 12, 1); month = month.AddMonths(1))
            {
                var key = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                var days = await h.Queries.GetReportsAsync(PlantScope.All, plant.Id, null, ReportPeriod.Day, key + "-01", key + "-31");
                var expected = Enumerable.Range(0, month.AddMonths(1).DayNumber - month.DayNumber).Select(month.AddDays).Count(d => d >= simulator.FirstDay);
                Assert.True(expected == days.Count, $"{plant.Name}: {key} has {days.Count} of {expected} days");
            }
            // The figures are the vendor's, day by day.
            var sample = loaded.AddDays(14) < simulator.FirstDay ? simulator.FirstDay : loaded.AddDays(14);
            var row = Assert.Single(await h.Queries.GetReportsAsync(PlantScope.All, plant.Id, null, ReportPeriod.Day, Key(sample), Key(sample)));
            Assert.Equal(Math.Round(simulator.DayTotals(sample, now).Energy.PvAc, 2), row.Values["PVYield"]!.Value, 2);
            // A backfilled summer month does not teach a plant known by a fixed offset its summer offset in December.
            Assert.Equal(PlantTime.FormatOffset(sim.Zone.GetUtcOffset(now)), plant.TimeZoneId);
        }
        // The year chart: last year's months, for plants connected before it ended.
        var old = plants.Where(p => sandbox.World.Fleet.PlantsByCode[p.VendorKey].GridConnection.Year < 2025).ToList();
        Assert.NotEmpty(old);
        foreach (var plant in old)
            Assert.Equal(12, (await h.Queries.GetReportsAsync(PlantScope.All, plant.Id, null, ReportPeriod.Month, "2025-01", "2025-12")).Count);
    }

    [Fact]
    public async Task A_restart_resumes_where_the_backfill_stopped_without_asking_for_a_month_again()
    {
        await using var sandbox = await SandboxHost.StartAsync(start: Winter);
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddApiAccountAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), [id]);
        Dictionary<int, DateOnly?> before;
        await using (var db = await h.DbAsync()) before = await db.Plants.ToDictionaryAsync(p => p.Id, p => p.HistoryLoadedFrom);
        Assert.All(before.Values, v => Assert.NotNull(v));

        var restartedAt = sandbox.Time.GetUtcNow();
        await h.RestartAsync();
        await h.RunForAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), [id]);

        await using var after = await h.DbAsync();
        var moved = 0;
        foreach (var plant in await after.Plants.ToListAsync())
        {
            Assert.True(plant.HistoryLoadedFrom <= before[plant.Id], $"{plant.Name} went back from {before[plant.Id]} to {plant.HistoryLoadedFrom}");
            if (plant.HistoryLoadedFrom < before[plant.Id]) moved++;
            // What was loaded before the restart (November excepted: it is the current month's neighbour) is not asked again.
            var from = Key(before[plant.Id]!.Value);
            var refetched = await after.Reports.Where(r => r.PlantId == plant.Id && r.Period == ReportPeriod.Day
                && string.Compare(r.LocalStart, from) >= 0 && string.Compare(r.LocalStart, "2026-11") < 0 && r.ReceivedAt >= restartedAt).CountAsync();
            Assert.Equal(0, refetched);
        }
        Assert.True(moved > 0, "the backfill did not go on after the restart");
        Assert.Contains(await after.SyncStates.Select(s => s.DataClass).ToListAsync(), c => c == "PlantMonthReport.Backfill");
    }

    [Fact]
    public async Task An_owner_s_shared_budget_loads_past_days_by_the_hour_within_its_thousand_calls()
    {
        await using var sandbox = await SandboxHost.StartAsync(start: Winter);
        await using var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddOwnerAsync("owner-anna");
        await h.RunForAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(5), [id]);

        await using var db = await h.DbAsync();
        var plant = await db.Plants.SingleAsync();
        var sim = sandbox.World.Fleet.PlantsByCode[plant.VendorKey];
        Assert.NotNull(plant.HistoryLoadedFrom);
        Assert.True(plant.HistoryLoadedFrom < new DateOnly(2026, 11, 1));
        // Hours of a day before yesterday, which neither the regular job nor the closing asks for.
        var day = new DateOnly(2026, 12, 7);
        var hours = await h.Queries.GetReportsAsync(PlantScope.All, plant.Id, null, ReportPeriod.Hour, Key(day) + "T00:00", Key(day) + "T23:00");
        Assert.True(hours.Count >= 23, $"{hours.Count} hours of {day}");
        var truth = sandbox.World.Simulator(sim).DayTotals(day, sandbox.Time.GetUtcNow()).Energy.PvAc;
        Assert.Equal(Math.Round(truth, 1), hours.Sum(r => r.Values["PVYield"] ?? 0), 1);
        var calls = await db.Calls.CountAsync(c => !c.Api.StartsWith("control/"));
        Assert.True(calls <= 950, $"{calls} calls in two hours");
        Assert.DoesNotContain(await db.Calls.Where(c => !c.Succeeded).Select(c => c.Api + " " + c.FailCode).ToListAsync(), _ => true);
    }

    private static string Key(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
