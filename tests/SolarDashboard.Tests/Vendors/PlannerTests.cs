using SolarDashboard.Vendors.FusionSolar.Sync;

namespace SolarDashboard.Tests.Vendors;

/// <summary>The planner against the worked examples of reference section 4.2, and its schedules staying within budget.</summary>
public sealed class PlannerTests
{
    private static Inventory Inv(int plants, params (int Type, int Count)[] devices) => new(plants, devices.ToDictionary(d => d.Type, d => d.Count));

    [Theory]
    [InlineData(20, DataClass.PlantList, 34)]
    [InlineData(120, DataClass.PlantList, 44)]
    [InlineData(20, DataClass.DeviceList, 25)]
    [InlineData(120, DataClass.DeviceList, 26)]
    [InlineData(20, DataClass.PlantRealTime, 1)]
    [InlineData(120, DataClass.PlantRealTime, 2)]
    [InlineData(20, DataClass.PlantHourReport, 25)]
    [InlineData(120, DataClass.PlantYearReport, 26)]
    public void Plant_count_budgets_match_the_worked_examples(int plants, DataClass c, int expected) =>
        Assert.Equal(expected, FusionSolarPlanner.ApiAccountBudget(c, Inv(plants)).Limit);

    [Fact]
    public void Device_count_budgets_match_the_worked_examples()
    {
        // 20 inverters and 20 meters; 120 inverters and 120 meters (types 1 and 17).
        var small = Inv(20, (1, 20), (17, 20));
        var large = Inv(120, (1, 120), (17, 120));
        Assert.Equal(2, FusionSolarPlanner.ApiAccountBudget(DataClass.DeviceRealTime, small).Limit);
        Assert.Equal(4, FusionSolarPlanner.ApiAccountBudget(DataClass.DeviceRealTime, large).Limit);
        Assert.Equal(28, FusionSolarPlanner.ApiAccountBudget(DataClass.History, small).Limit);
        Assert.Equal(48, FusionSolarPlanner.ApiAccountBudget(DataClass.History, large).Limit);
        Assert.Equal(2, FusionSolarPlanner.ApiAccountBudget(DataClass.Alarms, small).Limit);
        Assert.Equal(4, FusionSolarPlanner.ApiAccountBudget(DataClass.Alarms, large).Limit);
        Assert.Equal(TimeSpan.FromMinutes(30), FusionSolarPlanner.ApiAccountBudget(DataClass.Alarms, large).Window);
        Assert.Equal(28, FusionSolarPlanner.ApiAccountBudget(DataClass.DeviceDayReport, large).Limit); // meters are not report types: 2 + 24
        Assert.Equal(26, FusionSolarPlanner.ApiAccountBudget(DataClass.DeviceDayReport, small).Limit);
    }

    [Fact]
    public void Every_managed_device_type_counts_in_the_budget_but_only_accepted_types_are_asked_for()
    {
        var inv = Inv(12, (38, 8), (39, 8), (47, 8), (62, 8), (2, 4));
        Assert.Equal(5, FusionSolarPlanner.ApiAccountBudget(DataClass.DeviceRealTime, inv).Limit);
        Assert.Equal(3, FusionSolarPlanner.CallsPerRun(DataClass.DeviceRealTime, inv)); // dongles and SmartLoggers have no real-time data
    }

    [Theory]
    [InlineData(12)]
    [InlineData(120)]
    [InlineData(1000)]
    public void An_api_account_plan_never_exceeds_any_budget_and_batches_to_the_maxima(int plants)
    {
        var inv = Inv(plants, (38, plants), (39, plants), (47, plants));
        var plan = FusionSolarPlanner.Plan(false, inv);
        foreach (var job in plan.Jobs.Where(j => j.Interval > TimeSpan.Zero))
        {
            var runsPerWindow = Math.Ceiling(job.Budget.Window / job.Interval);
            Assert.True(runsPerWindow * job.CallsPerRun <= job.Budget.Limit, $"{job.Class}: {runsPerWindow} runs × {job.CallsPerRun} > {job.Budget.Limit}");
        }
        Assert.Equal(Math.Ceiling(plants / 100.0), plan.Job(DataClass.PlantRealTime).CallsPerRun);
        Assert.Equal(3 * Math.Ceiling(plants / 10.0), plan.Job(DataClass.History).CallsPerRun);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Job(DataClass.PlantRealTime).Interval);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Job(DataClass.DeviceRealTime).Interval);
    }

    [Fact]
    public void An_oauth_owner_plan_fits_1000_calls_a_day_with_real_time_fresh_enough()
    {
        var plan = FusionSolarPlanner.Plan(true, Inv(3, (38, 3), (39, 3), (47, 3), (62, 3)));
        var perDay = plan.Jobs.Sum(j => j.CallsPerDay);
        Assert.InRange(perDay, 800, 950);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Job(DataClass.PlantRealTime).Interval);
        Assert.True(plan.Job(DataClass.DeviceRealTime).Interval <= TimeSpan.FromMinutes(10));
        Assert.True(plan.HistoryBackfillCallsPerDay > 0);
    }
}
