using SolarDashboard.Core.Users;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Sandbox.Simulation;
using SolarDashboard.Testing;
using ReportPeriod = SolarDashboard.Core.Reports.ReportPeriod;

namespace SolarDashboard.Tests.Vendors;

/// <summary>
/// The sync and the report queries across the instants that break naive code: the end of a month, New Year, and the
/// days a plant's clock changes for daylight saving time. Each test pins the sandbox clock just before the instant and
/// syncs across it, then compares the cache with what the simulated plant really produced.
/// </summary>
public sealed class AwkwardInstantTests
{
    /// <summary>Runs the installer fleet from <paramref name="start"/> for <paramref name="duration"/> in 5-minute steps.</summary>
    private static async Task<(SandboxHost Sandbox, SyncHarness Harness)> SyncAcrossAsync(DateTimeOffset start, TimeSpan duration)
    {
        var sandbox = await SandboxHost.StartAsync(start: start);
        var harness = await SyncHarness.StartAsync(sandbox);
        var id = await harness.AddApiAccountAsync();
        await harness.RunForAsync(duration, TimeSpan.FromMinutes(5), [id]);
        return (sandbox, harness);
    }

    private static SimPlant Sim(SandboxHost sandbox, string code) => sandbox.World.Fleet.PlantsByCode[code];

    [Fact]
    public async Task In_the_first_hour_of_a_month_last_months_last_day_is_complete_for_every_plant_whose_month_has_ended()
    {
        // 21:00 in Berlin on 30 November to 01:40 UTC on 1 December: Berlin, London and everything east has a new month.
        var (sandbox, h) = await SyncAcrossAsync(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(5.67));
        await using (sandbox)
        await using (h)
        {
            var now = sandbox.Time.GetUtcNow();
            await using var db = await h.DbAsync();
            var closed = 0;
            foreach (var plant in await db.Plants.ToListAsync())
            {
                var sim = Sim(sandbox, plant.VendorKey);
                if (sim.LocalDate(now - TimeSpan.FromMinutes(75)).Month != 12) continue; // its November has not ended yet
                var lastDay = new DateOnly(2026, 11, 30);
                var truth = sandbox.World.Simulator(sim).DayTotals(lastDay, now).Energy;
                var day = Assert.Single(await h.Queries.GetReportsAsync(PlantScope.All, plant.Id, null, ReportPeriod.Day, "2026-11-30", "2026-11-30"));
                // Consumption keeps growing after sunset: only a fetch after midnight has the whole day.
                Assert.Equal(Math.Round(truth.Load, 2), day.Values["use_power"]!.Value, 2);
                var month = Assert.Single(await h.Queries.GetReportsAsync(PlantScope.All, plant.Id, null, ReportPeriod.Month, "2026-11", "2026-11"));
                var november = Enumerable.Range(1, 30).Sum(d => Math.Round(sandbox.World.Simulator(sim).DayTotals(new DateOnly(2026, 11, d), now).Energy.Load, 2));
                Assert.Equal(november, month.Values["use_power"]!.Value, 0);
                // Its inverters' day reports of the last day (what REDEX is sent) were fetched again after the day ended.
                var dayEnd = SolarDashboard.Core.Plants.PlantTime.ToUtc(plant.TimeZoneId, new DateTime(2026, 12, 1, 0, 0, 0));
                var deviceDays = await db.Reports.Where(r => r.Period == ReportPeriod.Day && r.LocalStart == "2026-11-30"
                    && db.Devices.Any(d => d.Id == r.DeviceId && d.PlantId == plant.Id)).ToListAsync();
                Assert.NotEmpty(deviceDays);
                Assert.All(deviceDays, r => Assert.True(r.ReceivedAt >= dayEnd, $"device {r.DeviceId}'s 30 November was last fetched at {r.ReceivedAt:u}, before it ended"));
                closed++;
            }
            Assert.True(closed >= 6, $"only {closed} plants had their month closed");
        }
    }

    [Fact]
    public async Task On_new_years_day_last_years_december_and_new_years_eve_are_complete()
    {
        var (sandbox, h) = await SyncAcrossAsync(new DateTimeOffset(2026, 12, 31, 21, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(4.67));
        await using (sandbox)
        await using (h)
        {
            var now = sandbox.Time.GetUtcNow();
            await using var db = await h.DbAsync();
            var berlin = await db.Plants.FirstAsync(p => p.TimeZoneId == "+01:00");
            var sim = Sim(sandbox, berlin.VendorKey);
            var december = Enumerable.Range(1, 31).Sum(d => Math.Round(sandbox.World.Simulator(sim).DayTotals(new DateOnly(2026, 12, d), now).Energy.Load, 2));
            var month = Assert.Single(await h.Queries.GetReportsAsync(PlantScope.All, berlin.Id, null, ReportPeriod.Month, "2026-12", "2026-12"));
            Assert.Equal(december, month.Values["use_power"]!.Value, 0);
            var eve = Assert.Single(await h.Queries.GetReportsAsync(PlantScope.All, berlin.Id, null, ReportPeriod.Day, "2026-12-31", "2026-12-31"));
            Assert.Equal(Math.Round(sandbox.World.Simulator(sim).DayTotals(new DateOnly(2026, 12, 31), now).Energy.Load, 2), eve.Values["use_power"]!.Value, 2);
            // The new year starts at zero, not at last year's total.
            var newYear = await h.Queries.GetReportsAsync(PlantScope.All, berlin.Id, null, ReportPeriod.Day, "2027-01-01", "2027-01-01");
            Assert.All(newYear, r => Assert.True(r.Values["use_power"] < 5, "the new year's first day carries last year's consumption"));
        }
    }

    // Runs until every plant of the fleet (São Paulo, UTC-3, is the last) has passed midnight and the settle delay.
    [Theory]
    [InlineData("2026-03-30T07:00:00+02:00", "2026-03-29", 23)] // spring forward in Berlin: 02:00 becomes 03:00
    [InlineData("2026-10-26T06:00:00+01:00", "2026-10-25", 25)] // fall back: 03:00 becomes 02:00 again
    public async Task A_daylight_saving_day_keeps_every_hour_once_and_its_hours_add_up_to_the_day(string endLocal, string day, int hours)
    {
        var end = DateTimeOffset.Parse(endLocal, System.Globalization.CultureInfo.InvariantCulture);
        var (sandbox, h) = await SyncAcrossAsync(end - TimeSpan.FromHours(26), TimeSpan.FromHours(26));
        await using (sandbox)
        await using (h)
        {
            var now = sandbox.Time.GetUtcNow();
            await using var db = await h.DbAsync();
            var sims = sandbox.World.Fleet.Plants.Where(p => p.Zone.Id is "Europe/Berlin").ToList();
            var berlin = await db.Plants.FirstAsync(p => p.VendorKey == sims[0].Code);
            var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
            var truth = sandbox.World.Simulator(sims[0]).HourTotals(date, now);
            Assert.Equal(hours, truth.Count);

            var cached = await h.Queries.GetReportsAsync(PlantScope.All, berlin.Id, null, ReportPeriod.Hour, day + "T00:00", day + "T23:59");
            Assert.Equal(hours, cached.Count);
            Assert.Equal(truth.Select(t => t.HourStart), cached.Select(c => c.StartsAt));
            Assert.Equal(Math.Round(truth.Sum(t => t.Totals.Energy.PvAc), 1), Math.Round(cached.Sum(c => c.Values["inverterYield"] ?? 0), 1));
            // The neighbouring days keep their own hours: nothing of the DST day was filed under them.
            var before = await h.Queries.GetReportsAsync(PlantScope.All, berlin.Id, null, ReportPeriod.Hour, date.AddDays(-1).ToString("yyyy-MM-dd") + "T00:00", date.AddDays(-1).ToString("yyyy-MM-dd") + "T23:59");
            Assert.All(before, b => Assert.True(b.StartsAt < truth[0].HourStart));
        }
    }
}
