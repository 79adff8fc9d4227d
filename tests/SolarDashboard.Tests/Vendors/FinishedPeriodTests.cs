using SolarDashboard.Core.Reports;
using SolarDashboard.Vendors.FusionSolar.Sync;

namespace SolarDashboard.Tests.Vendors;

/// <summary>Which plant-local period a report class asks for again after a boundary, and with which collectTime.</summary>
public sealed class FinishedPeriodTests
{
    private static readonly DateTimeOffset FirstOfDecemberInBerlin = new(2026, 11, 30, 23, 20, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ReportPeriod.Hour, "+01:00", "2026-11-30")]
    [InlineData(ReportPeriod.Day, "+01:00", "2026-11")]
    [InlineData(ReportPeriod.Month, "+01:00", "2026-11")]
    [InlineData(ReportPeriod.Year, "+01:00", "2025")]
    [InlineData(ReportPeriod.Day, "-03:00", "2026-10")] // São Paulo is still in November
    public void The_previous_period_is_the_one_that_ended_in_the_plants_own_time(ReportPeriod rows, string zone, string key) =>
        Assert.Equal(key, FinishedPeriod.Previous(rows, zone, FirstOfDecemberInBerlin).Key);

    [Fact]
    public void Plants_a_few_zones_apart_share_one_call_whose_collect_time_lies_in_each_plants_own_period()
    {
        var zones = new[] { "+10:00", "+01:00", "+00:00", "-03:00" };
        var now = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        var periods = zones.Select(z => (z, FinishedPeriod.Previous(ReportPeriod.Hour, z, now))).ToList();
        var group = Assert.Single(FinishedPeriod.CallGroups(periods));
        Assert.All(periods, p => Assert.InRange(group.CollectTime, p.Item2.StartUtc, p.Item2.EndUtc - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Periods_without_a_common_instant_need_two_calls()
    {
        // 1 December at UTC+14 and at UTC-11 (after a pause both wait): no instant lies in both.
        var east = new FinishedPeriod("2026-12-01", new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var west = new FinishedPeriod("2026-12-01", new(2026, 12, 1, 11, 0, 0, TimeSpan.Zero), new(2026, 12, 2, 11, 0, 0, TimeSpan.Zero));
        var groups = FinishedPeriod.CallGroups([("east", east), ("west", west)]);
        Assert.Equal(2, groups.Count);
        Assert.InRange(groups.Single(g => g.Members.Contains("east")).CollectTime, east.StartUtc, east.EndUtc);
        Assert.InRange(groups.Single(g => g.Members.Contains("west")).CollectTime, west.StartUtc, west.EndUtc);
    }
}
