using SolarDashboard.Tests.Web.Control;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Vendors;

/// <summary>
/// The real send path (control service, FusionSolar client, in-process sandbox) refuses out-of-bound values itself, even
/// when the form's own checks are bypassed: nothing is recorded as a task and nothing reaches FusionSolar.
/// </summary>
public sealed class ControlBoundsDeliveryTests
{
    private static readonly UserAccess Operator = new(1, "Olga Operator", AppRoles.Operator, PlantScope.All);

    private static async Task AssertNothingSentAsync(SandboxHost sandbox, SyncHarness h, PlantControlFacts plant)
    {
        Assert.Equal(0, sandbox.World.Tasks.CountFor(plant.PlantCode));
        await using var db = await h.DbAsync();
        Assert.Equal(0, await db.Calls.CountAsync(c => c.Api.StartsWith("control/")));
        Assert.Equal(0, await db.ControlTasks.CountAsync());
    }

    [Fact]
    public async Task Two_million_kilowatts_of_maximum_charge_power_is_refused_and_nothing_reaches_FusionSolar()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var connection = await h.AddOwnerAsync("owner-anna");
        await h.RunForAsync(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1), [connection]);
        var plant = (await h.Control.ReadPlantsAsync(Operator)).First(p => p.ConnectionId == connection && p.ControllerOnline);
        var batteryKw = plant.MaxChargeW!.Value / 1000;

        // What the form made of "2000000" before: 2,000,000,000 W, which fits the wire's Integer and was sent.
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig) { MaxChargeKw = 2_000_000 };
        form.Select(plant.PlantId, true);
        var outcome = await h.Control.SubmitAsync(Operator, new ControlSubmission(form.RequestKey, ControlKind.BatteryConfig, form.Requests()));

        Assert.False(outcome.Accepted);
        Assert.Empty(outcome.TaskIds);
        Assert.Contains($"{plant.PlantName}: the maximum charge power must be from 0 to {FieldLimit.Num(batteryKw)} kW (the battery's maximum charge power); 2000000 kW is outside.",
            outcome.Problems);
        await AssertNothingSentAsync(sandbox, h, plant);
    }

    [Fact]
    public async Task A_feed_in_limit_that_is_not_a_number_is_refused_in_review_and_on_submit_without_a_crash()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        var connection = await h.AddOwnerAsync("owner-anna");
        await h.RunForAsync(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1), [connection]);
        var plant = (await h.Control.ReadPlantsAsync(Operator)).First(p => p.ConnectionId == connection && p.ControllerOnline);
        PlantRequest[] nan = [new(plant.PlantId, new FeedInParameters(true, double.NaN, false))];

        var plan = await h.Control.PlanAsync(Operator, ControlKind.ActivePower, nan);
        var outcome = await h.Control.SubmitAsync(Operator, new ControlSubmission(Guid.NewGuid().ToString("N"), ControlKind.ActivePower, nan));

        Assert.False(plan.CanSend);
        Assert.Equal("", Assert.Single(plan.Plants).WireJson);
        // The plant's own range: its capacity stands in for the inverters' rated power.
        var rated = FieldLimit.Num(plant.InverterRatedKw!.Value);
        Assert.Contains(outcome.Problems, p => p.Contains($"the maximum feed-in power must be a number from -{rated} to {rated} kW (the plant's rated power)"));
        await AssertNothingSentAsync(sandbox, h, plant);
    }
}
