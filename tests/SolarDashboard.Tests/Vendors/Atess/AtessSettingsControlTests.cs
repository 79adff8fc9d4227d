using System.Text;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;
using SolarDashboard.Vendors.Atess.Control;

namespace SolarDashboard.Tests.Vendors.Atess;

/// <summary>
/// ATESS device settings through the control ledger against the sandbox: read with GET, checked against the ranges, the
/// PUT sent once, and confirmed by a read-back GET; an unanswered PUT reconciled by the read-back, never resent.
/// </summary>
public sealed class AtessSettingsControlTests
{
    private static readonly UserAccess Operator = new(1, "Olga Operator", AppRoles.Operator, PlantScope.All);

    private sealed class Setup(SandboxHost sandbox, SyncHarness h, int deviceId, string serial, Wire wire) : IAsyncDisposable
    {
        public SandboxHost Sandbox => sandbox;
        public SyncHarness H => h;
        public int DeviceId => deviceId;
        public string Serial => serial;
        public DeviceSettings Settings => h.Service<DeviceSettings>();
        public List<(HttpMethod Method, string Path, string? Body)> Requests => wire.Requests;

        public bool LoseAnswers { set => wire.LoseAnswers = value; }

        public int Puts => Requests.Count(r => r.Method == HttpMethod.Put && r.Path.EndsWith("/setting", StringComparison.Ordinal));

        public async ValueTask DisposeAsync()
        {
            await h.DisposeAsync();
            await sandbox.DisposeAsync();
        }
    }

    /// <summary>What went over the wire to ATESS; with <see cref="LoseAnswers"/>, a PUT reaches the sandbox and acts, but its answer is lost.</summary>
    private sealed class Wire
    {
        public List<(HttpMethod Method, string Path, string? Body)> Requests { get; } = [];
        public bool LoseAnswers { get; set; }
    }

    private static async Task<Setup> StartAsync()
    {
        var sandbox = await SandboxHost.StartAsync();
        var wire = new Wire();
        var h = await SyncHarness.StartAsync(sandbox, r =>
        {
            var body = r.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
            lock (wire) wire.Requests.Add((r.Method, r.RequestUri!.AbsolutePath, body));
            if (wire.LoseAnswers && r.Method == HttpMethod.Put)
            {
                // The request arrives and acts; the answer never comes back.
                sandbox.AtessAsync(HttpMethod.Put, r.RequestUri!.AbsolutePath[SandboxHost.Atess.Length..], body).GetAwaiter().GetResult();
                throw new HttpRequestException("The connection was reset before the answer arrived.");
            }
        });
        var connection = await h.AddAtessAsync();
        await h.RunDueAsync(connection);
        await using var db = await h.DbAsync();
        var hps = await db.Devices.AsNoTracking().SingleAsync(d => d.VendorType == "HPS150HV");
        return new Setup(sandbox, h, hps.Id, hps.VendorKey, wire);
    }

    private static Dictionary<string, double> Change(string key, double value) => new() { [key] = value };

    private static async Task<ControlTaskView> FollowAsync(Setup s, int taskId, TimeSpan limit)
    {
        for (var elapsed = TimeSpan.Zero; elapsed <= limit; elapsed += TimeSpan.FromMinutes(1))
        {
            await s.H.Tracker.RunOnceAsync(CancellationToken.None);
            var view = (await s.H.Control.GetAsync(Operator, taskId))!;
            if (view.Task.State == ControlTaskState.Finished) return view;
            s.Sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        }
        return (await s.H.Control.GetAsync(Operator, taskId))!;
    }

    private static string Trail(ControlTaskView view) => string.Join(" / ", view.Events.Select(e => $"{e.At:HH:mm} {e.Step}: {e.Detail}"));

    [Fact]
    public async Task The_settings_read_with_their_labels_units_and_the_devices_own_ranges()
    {
        await using var s = await StartAsync();

        var view = (await s.Settings.ReadAsync(Operator, s.DeviceId))!;

        Assert.Null(view.Read.Problem);
        var cutoff = view.Read.Settings.Single(x => x.Key == "chargeCutoffSoc");
        Assert.Equal(("Charge cut-off SOC", "%", 100.0), (cutoff.Label, cutoff.Unit, cutoff.Value));
        Assert.Equal("50 to 100 %", cutoff.Limit!.Range);
        // The HPS150HV is rated 150 kW: its power settings go up to that.
        Assert.Equal("0 to 150 kW (the inverter's rating)", view.Read.Settings.Single(x => x.Key == "maxChargePower").Limit!.Range);
        Assert.Equal("15 to 150 kW (the inverter's rating)", view.Read.Settings.Single(x => x.Key == "loadPowerLimit").Limit!.Range);
        // A second look within 5 minutes shows the same read; it spends no refused call.
        var again = (await s.Settings.ReadAsync(Operator, s.DeviceId))!;
        Assert.Equal(view.Read.ReadAt, again.Read.ReadAt);
        Assert.Single(s.Requests, r => r.Path.EndsWith("/hps/setting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_setting_the_catalogue_does_not_know_is_read_only_and_is_never_sent()
    {
        await using var s = await StartAsync();
        // As if the device had answered a setting we have no entry for (a newer firmware, say).
        s.H.Service<AtessSettingsCache>().Put(s.Serial, s.Sandbox.Time.GetUtcNow(), new Dictionary<string, double?> { ["chargeCutoffSoc"] = 100, ["fanMode"] = 2 });

        var view = (await s.Settings.ReadAsync(Operator, s.DeviceId))!;

        var fan = view.Read.Settings.Single(x => x.Key == "fanMode");
        Assert.True(fan.ReadOnly);
        Assert.Equal(2, fan.Value);
        Assert.False(view.Read.Settings.Single(x => x.Key == "chargeCutoffSoc").ReadOnly);
        var outcome = await s.Settings.SubmitAsync(Operator, "key-7", s.DeviceId, Change("fanMode", 3));
        Assert.Contains(outcome.Problems, p => p.EndsWith("fanMode is not a setting the dashboard may change.", StringComparison.Ordinal));
        Assert.Equal(0, s.Puts);
    }

    [Fact]
    public async Task A_change_is_put_once_and_confirmed_by_reading_it_back()
    {
        await using var s = await StartAsync();
        await s.Settings.ReadAsync(Operator, s.DeviceId);

        var plan = await s.Settings.PlanAsync(Operator, s.DeviceId, Change("chargeCutoffSoc", 90));
        Assert.True(plan.CanSend, string.Join(" | ", plan.Problems));
        Assert.Equal($$"""{"deviceSn":"{{s.Serial}}","chargeCutoffSoc":90}""", Assert.Single(plan.Plants).WireJson);
        Assert.Contains("Charge cut-off SOC from 100 % to 90 %", plan.Plants[0].Description);

        var outcome = await s.Settings.SubmitAsync(Operator, "key-1", s.DeviceId, Change("chargeCutoffSoc", 90));
        var taskId = Assert.Single(outcome.TaskIds);
        var put = Assert.Single(s.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal(plan.Plants[0].WireJson, put.Body);
        // The same confirmation again is the same task, not a second PUT.
        Assert.Equal(outcome.TaskIds, (await s.Settings.SubmitAsync(Operator, "key-1", s.DeviceId, Change("chargeCutoffSoc", 90))).TaskIds);

        var view = await FollowAsync(s, taskId, TimeSpan.FromMinutes(15));

        var plant = Assert.Single(view.Plants);
        Assert.True(plant.Status == PlantControlStatus.Success, $"{plant.Status} {plant.Message}: {Trail(view)}");
        Assert.Equal("confirmed", plant.Effect);
        Assert.Contains("chargeCutoffSoc = 90", plant.EffectNote);
        Assert.Equal(1, s.Puts);
        Assert.Equal(ControlKind.DeviceSetting, view.Task.Kind);
        Assert.Contains(view.Events, e => e.Step == "submitted" && e.Detail.Contains(plan.Plants[0].WireJson));
        // The read-back waited for the acquisition limit: no GET of the settings was refused.
        await using var db = await s.H.DbAsync();
        Assert.Empty(await db.Calls.Where(c => c.Api.Contains("setting") && !c.Succeeded).ToListAsync());
        Assert.Equal(90, (await s.Settings.ReadAsync(Operator, s.DeviceId))!.Read.Settings.Single(x => x.Key == "chargeCutoffSoc").Value);
    }

    [Theory]
    [InlineData("chargeCutoffSoc", 40, "the charge cut-off SOC must be from 50 to 100 %; 40 % is outside.")]
    [InlineData("maxChargePower", 151, "the maximum charge power must be from 0 to 150 kW (the inverter's rating); 151 kW is outside.")]
    [InlineData("dischargeCutoffSoc", 12.5, "the discharge cut-off SOC must be a whole number of % from 5 to 50 %.")]
    [InlineData("bmsStatus", 1, "bmsStatus is not a setting the dashboard may change.")]
    public async Task A_value_outside_the_range_is_refused_before_anything_is_sent(string key, double value, string problem)
    {
        await using var s = await StartAsync();

        var outcome = await s.Settings.SubmitAsync(Operator, "key-2", s.DeviceId, Change(key, value));

        Assert.False(outcome.Accepted);
        Assert.Contains(outcome.Problems, p => p.EndsWith(problem, StringComparison.Ordinal));
        Assert.Empty(outcome.TaskIds);
        Assert.Equal(0, s.Puts);
    }

    [Fact]
    public async Task A_pair_that_must_stay_ordered_is_checked_against_the_values_read()
    {
        await using var s = await StartAsync();
        await s.Settings.ReadAsync(Operator, s.DeviceId); // gridChargeStopSoc 50

        var plan = await s.Settings.PlanAsync(Operator, s.DeviceId, Change("gridChargeStartSoc", 60));

        Assert.False(plan.CanSend);
        Assert.Contains(plan.Problems, p => p.EndsWith("Grid charging stop SOC (50) must stay above Grid charging start SOC (60).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lost_answer_is_reconciled_by_the_read_back_and_never_sent_again()
    {
        await using var s = await StartAsync();
        await s.Settings.ReadAsync(Operator, s.DeviceId);
        s.LoseAnswers = true;

        var taskId = Assert.Single((await s.Settings.SubmitAsync(Operator, "key-3", s.DeviceId, Change("gridChargePower", 40))).TaskIds);
        Assert.Equal(ControlTaskState.Unknown, (await s.H.Control.GetAsync(Operator, taskId))!.Task.State);

        var view = await FollowAsync(s, taskId, TimeSpan.FromMinutes(20));

        var plant = Assert.Single(view.Plants);
        Assert.True(view.Task.State == ControlTaskState.Finished, Trail(view));
        Assert.Equal("confirmed", plant.Effect);
        Assert.Contains("gridChargePower = 40", plant.EffectNote);
        Assert.Contains(view.Events, e => e.Step == "outcome unknown");
        Assert.Equal(1, s.Puts);
    }

    [Fact]
    public async Task A_put_answered_by_an_error_page_is_found_not_applied_by_the_read_back_and_not_resent()
    {
        await using var s = await StartAsync();
        await s.Settings.ReadAsync(Operator, s.DeviceId);
        // The sandbox's gateway quirk: an HTML error page (HTTP 502) before the API sees the call.
        (await s.Sandbox.Client.PutAsync("/sandbox/admin/atess/quirks", SandboxHost.Json("""{"htmlErrorPageRate":1}"""))).EnsureSuccessStatusCode();
        var taskId = Assert.Single((await s.Settings.SubmitAsync(Operator, "key-6", s.DeviceId, Change("gridChargePower", 40))).TaskIds);
        (await s.Sandbox.Client.PutAsync("/sandbox/admin/atess/quirks", SandboxHost.Json("{}"))).EnsureSuccessStatusCode();

        var view = await FollowAsync(s, taskId, TimeSpan.FromMinutes(30));

        var plant = Assert.Single(view.Plants);
        Assert.True(plant.Status == PlantControlStatus.NotDelivered, $"{plant.Status} {plant.Message}: {Trail(view)}");
        Assert.Contains("gridChargePower is 45, not 40", plant.Message);
        Assert.Equal(1, s.Puts);
    }

    [Fact]
    public async Task A_second_change_waits_while_the_first_is_being_confirmed()
    {
        await using var s = await StartAsync();
        await s.Settings.ReadAsync(Operator, s.DeviceId);
        var first = Assert.Single((await s.Settings.SubmitAsync(Operator, "key-4", s.DeviceId, Change("chargeCutoffSoc", 95))).TaskIds);

        var second = await s.Settings.SubmitAsync(Operator, "key-5", s.DeviceId, Change("chargeCutoffSoc", 92));

        Assert.False(second.Accepted);
        Assert.Contains(second.Problems, p => p.Contains($"task #{first} on this site is still being confirmed"));
        Assert.Equal(1, s.Puts);
    }
}
