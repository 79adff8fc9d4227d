using System.Globalization;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Redex;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Core.Redex;

/// <summary>
/// The REDEX export against the in-memory sandbox on a pinned clock (17 June 2026, 10:00 UTC): backlogs of both vendors
/// reach Success with what the cache holds, nothing is sent twice (lost answers, restarts), and held days wait for data.
/// </summary>
public sealed class RedexExportTests
{
    private static readonly DateOnly Yesterday = new(2026, 6, 16);
    private const string Atess1 = "STR10000000350001", Atess2 = "STR10000000350002", Fleet1 = "STR10000000340001";

    /// <summary>A daily production with more than 3 decimals, well under capacity × 24 h.</summary>
    private static double Kwh(DateOnly day, double capacityKw) => Math.Round(capacityKw * (2 + day.DayNumber % 5 * 0.73) + 0.123456, 6);

    private static decimal Sum(IEnumerable<double> values) => values.Sum(v => decimal.Parse(v.ToString("0.000", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    /// <summary>The registry's current value of each day, and how many versions it holds.</summary>
    private static List<(DateOnly Day, decimal Period, decimal Accumulated, int Versions)> AtRegistry(RedexExportHarness h, string remoteInvId) =>
        h.Registry.Days(remoteInvId).Select(d => (d.Date, d.Versions[^1].Value.Period, d.Versions[^1].Value.Accumulated, d.Versions.Count)).ToList();

    [Fact]
    public async Task A_90_day_backlog_of_20_inverters_of_both_vendors_reaches_success_with_the_cache_s_sums_within_the_limit()
    {
        await using var h = await RedexExportHarness.StartAsync(fleetInverters: 17);
        // A budget of 15 requests a minute: sends and status queries spread over many rounds, none lost between them.
        h.Sync.Service<IOptions<RedexExportOptions>>().Value.RequestHeadroom = 45;
        var expected = new Dictionary<string, (int Registration, decimal Sum, int Days)>();
        var counters = new Dictionary<string, decimal>();
        var ids = Enumerable.Range(1, 17).Select(i => ($"STR100000003400{i:00}", Vendor.FusionSolar))
            .Concat(Enumerable.Range(1, 3).Select(i => ($"STR1000000035000{i}", Vendor.Atess))).ToList();
        foreach (var (id, vendor) in ids)
        {
            var inverter = h.RegisteredAtRedex(id);
            var from = new[] { Yesterday.AddDays(-89), inverter.StartDate }.Max();
            var (registration, _) = await h.AddInverterAsync(id, vendor, from, Yesterday, d => Kwh(d, inverter.CapacityKw));
            var days = Enumerable.Range(0, Yesterday.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i)).ToList();
            expected[id] = (registration, Sum(days.Select(d => Kwh(d, inverter.CapacityKw))), days.Count);
            counters[id] = RedexExporter.Round(days.Aggregate(RedexExportHarness.OpeningKwh, (total, d) => total + Kwh(d, inverter.CapacityKw)));
        }

        await h.RunAsync(30);

        Assert.True(expected.Values.Sum(e => e.Days) > 1500, "most inverters have their 90 days");
        foreach (var (id, (registration, sum, count)) in expected)
        {
            var ledger = await h.LedgerDaysAsync(registration);
            Assert.Equal(count, ledger.Count);
            Assert.All(ledger, d => Assert.Equal(ExportState.Success, d.State));
            var registry = AtRegistry(h, id);
            Assert.Equal(count, registry.Count);
            Assert.All(registry, d => Assert.Equal(1, d.Versions)); // nothing sent twice
            Assert.Equal(sum, registry.Sum(d => d.Period)); // what the cache produced, 3 decimals a day
            Assert.Equal(counters[id], registry[^1].Accumulated); // the device's lifetime counter at the end of the last day
        }
        var traffic = h.Traffic;
        Assert.Equal(0, traffic.Refused);
        Assert.InRange(traffic.PeakPerMinute, 1, 16); // 15, and the token call that checked the account when it was added
    }

    [Fact]
    public async Task A_lost_answer_leaves_the_days_unknown_never_resent_until_a_person_decides()
    {
        await using var h = await RedexExportHarness.StartAsync();
        var (registration, _) = await h.AddInverterAsync(Atess1, Vendor.Atess, Yesterday.AddDays(-4), Yesterday, d => 10.5);
        await h.SetQuirksAsync("""{"lostAnswerAfterProcessingRate":1}""");
        await h.RunAsync(1);
        await h.SetQuirksAsync("{}");
        await h.RunAsync(10);

        var ledger = await h.LedgerDaysAsync(registration);
        Assert.All(ledger, d => Assert.Equal((ExportState.Unknown, null), (d.State, d.ProcessId)));
        Assert.All(AtRegistry(h, Atess1), d => Assert.Equal(1, d.Versions)); // the registry got it once and kept it once
        Assert.Single(h.Registry.Submissions(Atess1));

        // The person looks at the registry's portal, finds the days there and says so: they count as succeeded.
        foreach (var day in ledger) Assert.True((await h.Ledger.ConfirmReceivedAsync(day.Id, "adam-admin")).Done);
        await h.RunAsync(3);
        Assert.All(await h.LedgerDaysAsync(registration), d => Assert.Equal(ExportState.Success, d.State));
        Assert.Single(h.Registry.Submissions(Atess1));
    }

    [Fact]
    public async Task A_lost_status_answer_is_asked_again_and_resolves_without_a_resend()
    {
        await using var h = await RedexExportHarness.StartAsync();
        var (registration, _) = await h.AddInverterAsync(Atess1, Vendor.Atess, Yesterday.AddDays(-2), Yesterday, d => 7);
        await h.RunAsync(1);
        await h.SetQuirksAsync("""{"htmlErrorPageRate":1}""");
        await h.RunAsync(8); // every status query meets a gateway's HTML page
        Assert.All(await h.LedgerDaysAsync(registration), d => Assert.Equal(ExportState.Sent, d.State));
        await h.SetQuirksAsync("{}");
        await h.RunAsync(1);

        Assert.All(await h.LedgerDaysAsync(registration), d => Assert.Equal(ExportState.Success, d.State));
        Assert.Single(h.Registry.Submissions(Atess1));
    }

    [Fact]
    public async Task A_restart_mid_export_loses_nothing_and_duplicates_nothing()
    {
        await using var h = await RedexExportHarness.StartAsync();
        var (sent, _) = await h.AddInverterAsync(Atess1, Vendor.Atess, Yesterday.AddDays(-9), Yesterday, d => 12.25);
        await h.RunAsync(1); // sent, not yet processed
        await h.Sync.RestartAsync();

        // The process dies while the next inverter's request is on its way (the registry stores it, then answers slowly).
        var (inFlight, _) = await h.AddInverterAsync(Atess2, Vendor.Atess, Yesterday.AddDays(-9), Yesterday, d => 20);
        await h.SetQuirksAsync("""{"slowAnswerAfterProcessingMilliseconds":5000}""");
        using (var dying = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Exporter.RunOnceAsync(dying.Token));
        await h.Sync.RestartAsync();
        await h.SetQuirksAsync("{}");
        await h.RunAsync(10);

        Assert.All(await h.LedgerDaysAsync(sent), d => Assert.Equal(ExportState.Success, d.State)); // tracked after the restart
        Assert.All(await h.LedgerDaysAsync(inFlight), d => Assert.Equal(ExportState.Unknown, d.State)); // never resent blindly
        Assert.All(AtRegistry(h, Atess1).Concat(AtRegistry(h, Atess2)), d => Assert.Equal(1, d.Versions));
        Assert.Equal(10, AtRegistry(h, Atess2).Count);
    }

    [Fact]
    public async Task A_day_held_for_a_gap_is_sent_after_the_backfill_and_later_days_wait_for_it()
    {
        await using var h = await RedexExportHarness.StartAsync();
        var gap = Yesterday.AddDays(-3);
        // The inverter produced every day (its counter counts the gap day too); the cache lacks that day's data.
        double Counter(DateOnly day) => RedexExportHarness.OpeningKwh + 9.5 * (day.DayNumber - Yesterday.AddDays(-6).DayNumber + 1) - (day >= gap ? 9.5 - 4.25 : 0);
        var (registration, device) = await h.AddInverterAsync(Fleet1, Vendor.FusionSolar, Yesterday.AddDays(-6), Yesterday, d => d == gap ? null : 9.5, d => Counter(d));
        await h.RunAsync(8);

        var ledger = await h.LedgerDaysAsync(registration);
        Assert.Equal([ExportState.Success, ExportState.Success, ExportState.Success, ExportState.Held, ExportState.Held, ExportState.Held, ExportState.Held],
            ledger.Select(d => d.State));
        Assert.StartsWith("Gap", ledger[3].HeldReason);
        Assert.StartsWith("Waits for 2026-06-13", ledger[4].HeldReason);
        Assert.Equal(3, AtRegistry(h, Fleet1).Count);

        await h.WriteDayAsync(device, gap, 4.25, Counter(gap)); // the vendor's data arrives late
        await h.RunAsync(8);

        ledger = await h.LedgerDaysAsync(registration);
        Assert.All(ledger, d => Assert.Equal(ExportState.Success, d.State));
        var registry = AtRegistry(h, Fleet1);
        Assert.Equal(["9.500", "9.500", "9.500", "4.250", "9.500", "9.500", "9.500"], ledger.Select(d => d.PeriodKwh));
        Assert.Equal(1061.25m, registry[^1].Accumulated);
        Assert.All(registry, d => Assert.Equal(1, d.Versions));
    }

    [Fact]
    public async Task A_day_whose_production_was_fetched_before_it_ended_waits_until_the_sync_fetches_it_again()
    {
        // 23:00 in Berlin on the 16th: the sync has stored the day's production so far.
        await using var h = await RedexExportHarness.StartAsync(start: new DateTimeOffset(2026, 6, 16, 21, 0, 0, TimeSpan.Zero));
        var (registration, device) = await h.AddInverterAsync(Fleet1, Vendor.FusionSolar, Yesterday, Yesterday, _ => 7.5, _ => 1007.5);
        h.Sandbox.Time.Advance(TimeSpan.FromHours(12)); // the day closed, but nothing was fetched after it ended
        await h.RunAsync(3);

        var day = Assert.Single(await h.LedgerDaysAsync(registration));
        Assert.Equal(ExportState.Held, day.State);
        Assert.StartsWith("Waits for the day's final production", day.HeldReason);
        Assert.Empty(AtRegistry(h, Fleet1));

        await h.WriteDayAsync(device, Yesterday, 7.5, 1007.5); // fetched again after midnight: the same figure, now final
        await h.RunAsync(8);

        day = Assert.Single(await h.LedgerDaysAsync(registration));
        Assert.Equal(ExportState.Success, day.State);
        Assert.Equal("7.500", day.PeriodKwh);
    }

    [Fact]
    public async Task A_day_above_capacity_times_24_hours_is_held_with_its_reason_and_an_open_day_waits()
    {
        await using var h = await RedexExportHarness.StartAsync(start: new DateTimeOffset(2026, 6, 16, 23, 30, 0, TimeSpan.Zero)); // 01:30 in Berlin
        var capacity = h.RegisteredAtRedex(Fleet1).CapacityKw;
        var (registration, _) = await h.AddInverterAsync(Fleet1, Vendor.FusionSolar, Yesterday.AddDays(-1), Yesterday, d => d == Yesterday ? 5 : capacity * 24 + 1);
        await h.Exporter.PlanAsync();

        var ledger = await h.LedgerDaysAsync(registration);
        Assert.Equal(ExportState.Held, ledger[0].State);
        Assert.Contains($"exceeds capacity {capacity.ToString("0.###", CultureInfo.InvariantCulture)} kW × 24 h", ledger[0].HeldReason);
        Assert.Equal(ExportState.Held, ledger[1].State); // over at midnight, but its last readings may still come
        Assert.Equal("The day has not closed yet.", ledger[1].HeldReason);
    }

    [Fact]
    public async Task A_correction_goes_as_the_next_version_and_the_ledger_keeps_both()
    {
        await using var h = await RedexExportHarness.StartAsync();
        var (registration, device) = await h.AddInverterAsync(Atess1, Vendor.Atess, Yesterday.AddDays(-1), Yesterday, d => 10);
        await h.RunAsync(8);
        await h.WriteDayAsync(device, Yesterday, 9, 1019); // the vendor corrected its data

        var first = (await h.LedgerDaysAsync(registration))[^1];
        Assert.True((await h.Ledger.CorrectAsync(first.Id, "olga-operator")).Done);
        await h.RunAsync(8);

        var versions = (await h.LedgerDaysAsync(registration)).Where(d => d.Day == Yesterday).ToList();
        Assert.Equal([(1, "10.000", "1020.000", false), (2, "9.000", "1019.000", true)], versions.Select(v => (v.Version, v.PeriodKwh!, v.AccumulatedKwh!, v.IsCurrent)));
        Assert.All(versions, v => Assert.Equal(ExportState.Success, v.State));
        Assert.Equal(2, AtRegistry(h, Atess1)[^1].Versions);
        Assert.Equal("olga-operator", versions[1].RequestedBy);
    }

    [Fact]
    public async Task The_accumulated_value_sent_is_the_device_s_lifetime_counter_at_the_end_of_the_day()
    {
        await using var h = await RedexExportHarness.StartAsync();
        var first = Yesterday.AddDays(-2);
        var (registration, device) = await h.AddInverterAsync(Atess1, Vendor.Atess, first, Yesterday, d => 10,
            d => 52_345.6784 + 11 * (d.DayNumber - first.DayNumber)); // not a running sum of what was sent
        // Yesterday also has a reading at noon, and today's first interval (00:00–00:05) starts at its closing midnight: neither counts.
        await h.Sync.Writer.WriteHistoryAsync([
            (device, new KpiSnapshot(new DateTimeOffset(2026, 6, 16, 12, 0, 0, TimeSpan.FromHours(3)), new Dictionary<string, double?> { ["epvTotal"] = 52_360 })),
            (device, new KpiSnapshot(new DateTimeOffset(2026, 6, 17, 0, 5, 0, TimeSpan.FromHours(3)), new Dictionary<string, double?> { ["epvTotal"] = 52_999 },
                new DateTimeOffset(2026, 6, 17, 0, 0, 0, TimeSpan.FromHours(3)))),
        ]);
        await h.RunAsync(8);

        var ledger = await h.LedgerDaysAsync(registration);
        Assert.All(ledger, d => Assert.Equal(ExportState.Success, d.State));
        Assert.Equal(["52345.678", "52356.678", "52367.678"], ledger.Select(d => d.AccumulatedKwh));
        Assert.Equal([52_345.678m, 52_356.678m, 52_367.678m], AtRegistry(h, Atess1).Select(d => d.Accumulated));
    }

    [Fact]
    public async Task A_day_without_a_lifetime_counter_is_held_as_a_gap()
    {
        await using var h = await RedexExportHarness.StartAsync();
        var (registration, _) = await h.AddInverterAsync(Fleet1, Vendor.FusionSolar, Yesterday, Yesterday, d => 8, d => null);
        await h.Exporter.PlanAsync();

        var day = Assert.Single(await h.LedgerDaysAsync(registration));
        Assert.Equal((ExportState.Held, "Gap: the cache has no lifetime PV yield counter at the end of this day."), (day.State, day.HeldReason));
    }

    [Fact]
    public async Task A_lifetime_counter_that_goes_down_holds_the_day_until_the_day_before_it_is_corrected()
    {
        await using var h = await RedexExportHarness.StartAsync();
        var spike = Yesterday.AddDays(-2);
        // The vendor reported a wrong counter for one day: the next day reads lower than what was sent.
        var (registration, device) = await h.AddInverterAsync(Fleet1, Vendor.FusionSolar, Yesterday.AddDays(-3), Yesterday, d => 10,
            d => d == spike ? 5000 : 1000 + 10 * (d.DayNumber - Yesterday.AddDays(-4).DayNumber));
        await h.RunAsync(8);

        var ledger = await h.LedgerDaysAsync(registration);
        Assert.Equal([ExportState.Success, ExportState.Success, ExportState.Held, ExportState.Held], ledger.Select(d => d.State));
        Assert.Equal("Lifetime counter went down from 5000.000 to 1030.000 kWh (counter reset or swapped inverter).", ledger[2].HeldReason);
        Assert.StartsWith($"Waits for {Yesterday.AddDays(-1):yyyy-MM-dd}", ledger[3].HeldReason);
        Assert.Equal(2, AtRegistry(h, Fleet1).Count); // the registry never saw the lower value

        // The vendor's data is repaired and a person corrects the day that carried the wrong counter: the held days follow.
        await h.WriteDayAsync(device, spike, 10, 1020);
        Assert.True((await h.Ledger.CorrectAsync(ledger[1].Id, "olga-operator")).Done);
        await h.RunAsync(8);

        Assert.All((await h.LedgerDaysAsync(registration)).Where(d => d.IsCurrent), d => Assert.Equal(ExportState.Success, d.State));
        Assert.Equal([(1010m, 1), (1020m, 2), (1030m, 1), (1040m, 1)], AtRegistry(h, Fleet1).Select(d => (d.Accumulated, d.Versions)));
    }
}
