using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Users;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Testing;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Vendors;

/// <summary>
/// Control tasks through the real service, client and tracker against the sandbox (which acts on its simulation), on
/// the sandbox's manual clock: each task type to SUCCESS with its effect confirmed, partial success, refusals, the same
/// task running elsewhere (20615), lost answers reconciled without a second delivery, a restart, and the control budget.
/// </summary>
public sealed class ControlServiceTests
{
    private static readonly UserAccess Operator = new(1, "Olga Operator", AppRoles.Operator, PlantScope.All);
    private static readonly UserAccess Owner = new(2, "Anna Owner", AppRoles.Owner, PlantScope.All);

    private sealed record Setup(SandboxHost Sandbox, SyncHarness H, int Connection, PlantControlFacts Plant) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await H.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }

    private static async Task<Setup> StartAsync(string owner = "owner-anna", Action<SolarDashboard.Sandbox.SandboxOptions>? configure = null)
    {
        var sandbox = await SandboxHost.StartAsync(configure);
        var h = await SyncHarness.StartAsync(sandbox);
        var id = await h.AddOwnerAsync(owner);
        await h.RunForAsync(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1), [id]);
        var plant = (await h.Control.ReadPlantsAsync(Operator)).First(p => p.ConnectionId == id && p.ControllerOnline);
        return new Setup(sandbox, h, id, plant);
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    /// <summary>Runs the sync and the tracker minute by minute until the task ends (or the limit passes).</summary>
    private static async Task<ControlTaskView> FollowAsync(Setup s, int taskId, TimeSpan limit)
    {
        for (var elapsed = TimeSpan.Zero; elapsed <= limit; elapsed += TimeSpan.FromMinutes(1))
        {
            await s.H.RunDueAsync(s.Connection);
            await s.H.Tracker.RunOnceAsync(CancellationToken.None);
            var view = (await s.H.Control.GetAsync(Operator, taskId))!;
            if (view.Task.State == ControlTaskState.Finished && view.Plants.All(p => p.Effect != "pending")) return view;
            s.Sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        }
        return (await s.H.Control.GetAsync(Operator, taskId))!;
    }

    private static async Task<int> SubmitAsync(Setup s, ControlParameters parameters, int? plantId = null)
    {
        var outcome = await s.H.Control.SubmitAsync(Operator, new ControlSubmission(Key(), parameters.Kind, [new(plantId ?? s.Plant.PlantId, parameters)]));
        Assert.True(outcome.Accepted, string.Join(" | ", outcome.Problems));
        return Assert.Single(outcome.TaskIds);
    }

    [Fact]
    public async Task Each_task_type_reaches_success_and_its_effect_shows_in_the_plants_data()
    {
        await using var s = await StartAsync();
        var tasks = new ControlParameters[]
        {
            // At noon in June Anna's battery is full: a forced discharge is what shows.
            new ChargeDischargeParameters(ForcedAction.Discharge, SocControl: false, null, Minutes: 20, PowerW: -2000),
            new BatteryModeParameters(true, SurplusPv.FeedToGrid, 3, [new("00:00", "23:59", true, [1, 2, 3, 4, 5, 6, 7])]),
            new BatteryLimitParameters(95, 10, 2500, 2500),
            new FeedInParameters(true, 1.5, false),
        };
        foreach (var parameters in tasks)
        {
            var id = await SubmitAsync(s, parameters);
            var view = await FollowAsync(s, id, TimeSpan.FromMinutes(45));
            var plant = Assert.Single(view.Plants);
            Assert.True(plant.Status == PlantControlStatus.Success, $"{parameters.Kind}: {plant.Status} {plant.Message} checks={view.Task.Checks} next={view.Task.NextCheckAt} now={s.Sandbox.Time.GetUtcNow()} " + string.Join(" / ", view.Events.Select(e => $"{e.At:HH:mm} {e.Step} {e.Detail}")));
            Assert.False(plant.Active);
            Assert.True(plant.Effect == "confirmed", $"{parameters.Kind}: effect {plant.Effect}: {plant.EffectNote}");
            if (parameters is ChargeDischargeParameters) Assert.True(plant.DischargedKwh > 0);
            Assert.Contains(view.Events, e => e.Step == "delivered");
            Assert.Contains(view.Events, e => e.Step == "effect");
        }
    }

    [Fact]
    public async Task A_success_without_visible_effect_is_flagged()
    {
        await using var s = await StartAsync();
        // The battery is full: FusionSolar reports the forced charge as done, with nothing charged.
        var id = await SubmitAsync(s, new ChargeDischargeParameters(ForcedAction.Charge, false, null, 10, 2000));
        var plant = Assert.Single((await FollowAsync(s, id, TimeSpan.FromMinutes(40))).Plants);
        Assert.Equal(PlantControlStatus.Success, plant.Status);
        Assert.Equal("not visible", plant.Effect);
        Assert.Contains("no energy was charged", plant.EffectNote);
    }

    [Fact]
    public async Task A_second_task_for_a_busy_plant_is_refused_with_a_link_to_the_running_one_and_a_double_click_is_one_task()
    {
        await using var s = await StartAsync();
        var charge = new ChargeDischargeParameters(ForcedAction.Charge, false, null, 60, 1500);
        var key = Key();
        var both = await Task.WhenAll(
            s.H.Control.SubmitAsync(Operator, new ControlSubmission(key, ControlKind.ChargeDischarge, [new(s.Plant.PlantId, charge)])),
            s.H.Control.SubmitAsync(Operator, new ControlSubmission(key, ControlKind.ChargeDischarge, [new(s.Plant.PlantId, charge)])));
        Assert.Equal(both[0].TaskIds, both[1].TaskIds);
        Assert.Equal(1, s.Sandbox.World.Tasks.CountFor(s.Plant.PlantCode));

        var again = await s.H.Control.SubmitAsync(Operator, new ControlSubmission(Key(), ControlKind.BatteryConfig, [new(s.Plant.PlantId, new BatteryLimitParameters(95, null, null, null))]));
        Assert.False(again.Accepted);
        Assert.Contains(again.Problems, p => p.Contains($"task #{both[0].TaskIds[0]} is still running"));
        Assert.Equal(1, s.Sandbox.World.Tasks.CountFor(s.Plant.PlantCode));
    }

    [Fact]
    public async Task The_same_task_running_at_the_vendor_answers_20615_and_is_recorded_as_refused()
    {
        await using var s = await StartAsync();
        // Someone starts a forced charge outside the dashboard (the FusionSolar app), with the same owner's consent.
        var tokens = System.Text.Json.JsonSerializer.Deserialize<SolarDashboard.Vendors.FusionSolar.Auth.OAuthTokens>(
            s.H.Secrets.Unprotect((await (await s.H.DbAsync()).Connections.SingleAsync(c => c.Id == s.Connection)).ProtectedSecret!))!;
        var outside = await s.Sandbox.PostAsync("/sandbox/fusionsolar/rest/openapi/pvms/nbi/v2/control/charge-and-discharge/async-task",
            $$"""{"tasks":[{"plantCode":"{{s.Plant.PlantCode}}","dispatchSwitch":1,"controlType":2,"dispatchTime":120}]}""", bearer: tokens.AccessToken);
        Assert.Equal(0, outside["failCode"]!.GetValue<int>());

        var id = await SubmitAsync(s, new ChargeDischargeParameters(ForcedAction.Charge, false, null, 30, null));
        var view = (await s.H.Control.GetAsync(Operator, id))!;
        var plant = Assert.Single(view.Plants);
        Assert.Equal(PlantControlStatus.Rejected, plant.Status);
        Assert.Equal("The same task is being executed in the current plant.", plant.Message);
        Assert.Contains(view.Events, e => e.Detail.Contains("failCode 20615"));
        Assert.Equal(ControlTaskState.Finished, view.Task.State);
    }

    [Fact]
    public async Task Partial_success_across_plants_records_each_plants_answer()
    {
        await using var s = await StartAsync("owner-carl", o => o.Fleet.Owners = [new() { UserName = "owner-carl", Plants = 3 }]);
        var plants = (await s.H.Control.ReadPlantsAsync(Operator)).Where(p => p.ConnectionId == s.Connection).Take(2).ToList();
        Assert.Equal(2, plants.Count);
        // The first is already unlimited: FusionSolar answers "The configured value is the same as the current value."
        var outcome = await s.H.Control.SubmitAsync(Operator, new ControlSubmission(Key(), ControlKind.ActivePower,
            [new(plants[0].PlantId, new FeedInParameters(false, null, false)), new(plants[1].PlantId, new FeedInParameters(true, 2, false))]));
        var view = (await s.H.Control.GetAsync(Operator, Assert.Single(outcome.TaskIds)))!;
        Assert.Contains(view.Events, e => e.Detail.StartsWith("failCode 1"));
        var byName = view.Plants.ToDictionary(p => p.PlantId);
        Assert.Equal(PlantControlStatus.Rejected, byName[plants[0].PlantId].Status);
        Assert.Equal("The configured value is the same as the current value.", byName[plants[0].PlantId].Message);
        Assert.Equal(PlantControlStatus.Running, byName[plants[1].PlantId].Status);
        var done = await FollowAsync(s, view.Task.Id, TimeSpan.FromMinutes(20));
        Assert.Equal(PlantControlStatus.Success, done.Plants.Single(p => p.PlantId == plants[1].PlantId).Status);
    }

    [Fact]
    public async Task Plants_take_different_parameters_in_one_task()
    {
        await using var s = await StartAsync("owner-carl", o => o.Fleet.Owners = [new() { UserName = "owner-carl", Plants = 3 }]);
        var plants = (await s.H.Control.ReadPlantsAsync(Operator)).Where(p => p.ConnectionId == s.Connection).Take(2).ToList();
        var outcome = await s.H.Control.SubmitAsync(Operator, new ControlSubmission(Key(), ControlKind.ActivePower,
            [new(plants[0].PlantId, new FeedInParameters(true, 2, false)), new(plants[1].PlantId, new FeedInParameters(true, 4, true))]));
        var view = (await s.H.Control.GetAsync(Operator, Assert.Single(outcome.TaskIds)))!;
        var sent = view.Events.Single(e => e.Step == "submitted").Detail;
        Assert.Contains($$$"""{"plantCode":"{{{plants[0].PlantCode}}}","controlMode":"6","controlInfo":{"maxGridFeedInPower":2,"limitationMode":"0"}}""", sent);
        Assert.Contains($$$"""{"plantCode":"{{{plants[1].PlantCode}}}","controlMode":"6","controlInfo":{"maxGridFeedInPower":4,"limitationMode":"1"}}""", sent);
        var done = await FollowAsync(s, view.Task.Id, TimeSpan.FromMinutes(20));
        Assert.All(done.Plants, p => Assert.Equal(PlantControlStatus.Success, p.Status));
        Assert.Equal(1, s.Sandbox.World.Tasks.CountFor(plants[0].PlantCode));
    }

    [Fact]
    public async Task A_disconnected_plant_is_refused_before_sending_and_by_the_vendor_when_the_dashboard_could_not_know()
    {
        await using var s = await StartAsync("owner-ben");
        var garage = (await s.H.Control.ReadPlantsAsync(Operator)).Single(p => p.PlantName == "Ben's Garage");
        Assert.False(garage.ControllerOnline);
        var plan = await s.H.Control.PlanAsync(Operator, ControlKind.ActivePower, [new(garage.PlantId, new FeedInParameters(true, 2, false))]);
        Assert.Contains(plan.Problems, p => p.Contains("offline"));
        var refused = await s.H.Control.SubmitAsync(Operator, new ControlSubmission(Key(), ControlKind.ActivePower, [new(garage.PlantId, new FeedInParameters(true, 2, false))]));
        Assert.False(refused.Accepted);
        Assert.Equal(0, s.Sandbox.World.Tasks.CountFor(garage.PlantCode));

        // Before the sync has seen its state, the dashboard cannot tell: FusionSolar refuses it, and that is recorded.
        await using (var db = await s.H.DbAsync())
            await db.LatestKpis.Where(k => k.PlantId == garage.PlantId).ExecuteDeleteAsync();
        var id = await SubmitAsync(s, new FeedInParameters(true, 2, false), garage.PlantId);
        var plant = Assert.Single((await s.H.Control.GetAsync(Operator, id))!.Plants);
        Assert.Equal((PlantControlStatus.Rejected, "The plant networking is abnormal."), (plant.Status, plant.Message));
    }

    [Fact]
    public async Task A_delivery_whose_answer_is_lost_is_reconciled_from_the_plants_data_and_never_sent_twice()
    {
        await using var s = await StartAsync();
        s.H.ConfigureControl(o => o.DeliveryTimeout = TimeSpan.FromMilliseconds(300));
        var quirks = s.Sandbox.Service<Quirks>();
        quirks.Current = new SolarDashboard.Sandbox.QuirkOptions { SlowAnswerAfterProcessingMilliseconds = 1500 };
        var id = await SubmitAsync(s, new BatteryModeParameters(true, SurplusPv.FeedToGrid, 3, [new("00:00", "23:59", true, [1, 2, 3, 4, 5, 6, 7])]));
        quirks.Current = new SolarDashboard.Sandbox.QuirkOptions();
        var view = (await s.H.Control.GetAsync(Operator, id))!;
        Assert.Equal(ControlTaskState.Unknown, view.Task.State);
        Assert.Equal(PlantControlStatus.Unknown, Assert.Single(view.Plants).Status);

        // Meanwhile the plant is held: nobody can send it another task until the unknown one is settled.
        Assert.False((await s.H.Control.SubmitAsync(Operator, new ControlSubmission(Key(), ControlKind.BatteryConfig, [new(s.Plant.PlantId, new BatteryLimitParameters(95, null, null, null))]))).Accepted);

        var done = await FollowAsync(s, id, TimeSpan.FromMinutes(40));
        var plant = Assert.Single(done.Plants);
        Assert.Equal("confirmed", plant.Effect);
        Assert.StartsWith("It reached the plant", plant.Message);
        Assert.Contains(done.Events, e => e.Step == "reconciled");
        Assert.Equal(1, s.Sandbox.World.Tasks.CountFor(s.Plant.PlantCode));
        await using var db = await s.H.DbAsync();
        Assert.Equal(1, await db.Calls.CountAsync(c => c.Api == "control/battery-mode"));
    }

    [Fact]
    public async Task A_delivery_that_never_arrived_is_reported_as_not_delivered_and_not_resent()
    {
        await using var s = await StartAsync();
        s.H.ConfigureControl(o => o.DeliveryTimeout = TimeSpan.FromMilliseconds(300));
        var quirks = s.Sandbox.Service<Quirks>();
        quirks.Current = new SolarDashboard.Sandbox.QuirkOptions { SlowAnswerMilliseconds = 1500 }; // gives up before the vendor processes it
        var id = await SubmitAsync(s, new BatteryModeParameters(true, SurplusPv.FeedToGrid, 3, [new("00:00", "23:59", true, [1, 2, 3, 4, 5, 6, 7])]));
        quirks.Current = new SolarDashboard.Sandbox.QuirkOptions();
        var done = await FollowAsync(s, id, TimeSpan.FromMinutes(40));
        var plant = Assert.Single(done.Plants);
        Assert.Equal(PlantControlStatus.NotDelivered, plant.Status);
        Assert.False(plant.Active);
        Assert.Equal(0, s.Sandbox.World.Tasks.CountFor(s.Plant.PlantCode));
    }

    [Fact]
    public async Task After_a_restart_tracking_resumes_from_the_database()
    {
        await using var s = await StartAsync();
        var id = await SubmitAsync(s, new ChargeDischargeParameters(ForcedAction.Charge, false, null, 15, 2000));
        s.Sandbox.Time.Advance(TimeSpan.FromMinutes(4));
        await s.H.RestartAsync();
        await s.H.Tracker.ResumeAsync(CancellationToken.None);
        var view = await FollowAsync(s, id, TimeSpan.FromMinutes(30));
        Assert.Equal(PlantControlStatus.Success, Assert.Single(view.Plants).Status);
    }

    [Fact]
    public async Task A_task_caught_mid_delivery_by_a_restart_becomes_unknown_not_resent()
    {
        await using var s = await StartAsync();
        await using (var db = await s.H.DbAsync())
        {
            var task = new ControlTaskRecord { ConnectionId = s.Connection, Kind = ControlKind.ActivePower, SubmittedByName = "Olga", RequestKey = "crash:1", Summary = "x",
                State = ControlTaskState.Delivering, SubmittedAt = s.Sandbox.Time.GetUtcNow() };
            db.ControlTasks.Add(task);
            await db.SaveChangesAsync();
            db.ControlTaskPlants.Add(new ControlTaskPlant { TaskId = task.Id, PlantId = s.Plant.PlantId, PlantName = s.Plant.PlantName, PlantCode = s.Plant.PlantCode,
                ParametersJson = """{"kind":"feedIn","limited":true,"maxFeedInKw":2,"perPhase":false}""", Status = PlantControlStatus.Delivering, Active = true });
            await db.SaveChangesAsync();
        }
        await s.H.RestartAsync();
        await s.H.Tracker.ResumeAsync(CancellationToken.None);
        var view = (await s.H.Control.GetAsync(Operator, (await s.H.Control.ListAsync(Operator)).Single().Task.Id))!;
        Assert.Equal(ControlTaskState.Unknown, view.Task.State);
        Assert.Contains(view.Events, e => e.Detail.Contains("restarted"));
        Assert.Equal(0, s.Sandbox.World.Tasks.CountFor(s.Plant.PlantCode));
    }

    [Fact]
    public async Task The_control_budget_is_never_exceeded()
    {
        await using var s = await StartAsync();
        // A long task, followed for a whole simulated day: checks thin out and stay within 100 control calls per UTC day.
        var id = await SubmitAsync(s, new ChargeDischargeParameters(ForcedAction.Charge, false, null, 1440, 300));
        for (var i = 0; i < 26 * 6; i++)
        {
            await s.H.Tracker.RunOnceAsync(CancellationToken.None);
            s.Sandbox.Time.Advance(TimeSpan.FromMinutes(10));
        }
        await using (var db = await s.H.DbAsync())
        {
            var perDay = (await db.Calls.Where(c => c.Api.StartsWith("control/")).ToListAsync()).GroupBy(c => c.At.UtcDateTime.Date).Select(g => g.Count()).ToList();
            Assert.All(perDay, n => Assert.True(n <= 100, $"{n} control calls in a day"));
            Assert.Equal(0, await db.Calls.CountAsync(c => c.FailCode == 407));
        }
        Assert.Equal(ControlTaskState.Finished, (await s.H.Control.GetAsync(Operator, id))!.Task.State);

        // With the day's budget spent, nothing is sent and the operator is told why.
        await using (var db = await s.H.DbAsync())
        {
            var now = s.Sandbox.Time.GetUtcNow();
            for (var i = 0; i < 100; i++)
                db.Calls.Add(new SolarDashboard.Core.Sync.VendorCall { ConnectionId = s.Connection, Api = "control/battery-mode", At = now, Succeeded = true });
            await db.SaveChangesAsync();
        }
        var blocked = await SubmitAsync(s, new FeedInParameters(true, 2, false));
        var plant = Assert.Single((await s.H.Control.GetAsync(Operator, blocked))!.Plants);
        Assert.Contains("control calls for today are used up", plant.Message);
        Assert.Equal(0, s.Sandbox.World.Tasks.CountFor(s.Plant.PlantCode) - 1);
    }

    [Fact]
    public async Task An_owner_without_the_operator_role_cannot_submit_or_even_plan()
    {
        await using var s = await StartAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.H.Control.SubmitAsync(Owner,
            new ControlSubmission(Key(), ControlKind.ActivePower, [new(s.Plant.PlantId, new FeedInParameters(true, 2, false))])));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.H.Control.PlanAsync(Owner, ControlKind.ActivePower, [new(s.Plant.PlantId, new FeedInParameters(true, 2, false))]));
        var elsewhere = new UserAccess(3, "Other operator", AppRoles.Operator, PlantScope.Of([]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.H.Control.PlanAsync(elsewhere, ControlKind.ActivePower, [new(s.Plant.PlantId, new FeedInParameters(true, 2, false))]));
        Assert.Equal(0, s.Sandbox.World.Tasks.CountFor(s.Plant.PlantCode));
    }
}
