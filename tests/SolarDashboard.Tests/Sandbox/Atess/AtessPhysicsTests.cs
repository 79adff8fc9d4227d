using System.Text.Json.Nodes;
using SolarDashboard.Sandbox;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>The ATESS fleet in the shared simulated world: energies balance, counters only grow and reset at plant-local midnight.</summary>
public sealed class AtessPhysicsTests : IAsyncLifetime
{
    private const string Day = "2026-06-16";
    private SandboxHost _sandbox = null!;
    private AtessFleetView _fleet = null!;

    private static readonly string[] Lifetime =
    [
        "epvTotal", "ebatChargeTotal", "ebatDischargeTotal", "egridTotal", "etoGridTotal", "eloadTotal", "totalEnergyFromMeter",
        "totalEnergyToMeter", "totalNonCriticalEnergy", "dgTotalIntakePower", "epvTimeTotal", "ebatChargeTimeTotal",
        "ebatDischargeTimeTotal", "egridTimeTotal", "etoGridTimeTotal", "eloadTimeTotal", "dgTotalIntakeTime",
    ];

    private static readonly string[] Today =
    [
        "epvToday", "echargeToday", "edischargeToday", "egridToday", "etoGridToday", "eloadToday", "dailyEnergyFromMeter",
        "dailyEnergyToMeter", "dailyNonCriticalEnergy", "dgTodayIntakePower", "epvTimeToday", "echargeTimeToday",
        "edischargeTimeToday", "egridTimeToday", "etoGridTimeToday", "eloadTimeToday", "dgTodayIntakeTime",
    ];

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        _fleet = await AtessFleetView.LoadAsync(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private Task<List<JsonObject>> DayAsync(string path, string sn, string day = Day) =>
        AtessFleetView.HistoryAsync(_sandbox, path, sn, $"{day} 00:00:00", $"{day} 23:59:59");

    private static double D(JsonObject row, string key) => AtessFleetView.D(row, key);

    [Fact]
    public async Task The_central_hps_balances_pv_battery_grid_generator_and_load_all_day()
    {
        var rows = await DayAsync("/hps/data-list", _fleet.Device(AtessFleetView.Commercial, "HpsCentral"));
        Assert.Equal(288, rows.Count);
        foreach (var r in rows)
        {
            var supply = D(r, "epvToday") * 0.975 + D(r, "edischargeToday") + D(r, "egridToday") + D(r, "dgTodayIntakePower");
            var demand = D(r, "eloadToday") + D(r, "dailyNonCriticalEnergy") + D(r, "echargeToday") + D(r, "etoGridToday");
            Assert.True(Math.Abs(supply - demand) < 0.06 + 0.001 * demand, $"{AtessFleetView.T(r)}: supply {supply} kWh, demand {demand} kWh");
            var inKw = D(r, "ppv1") * 0.975 + D(r, "pac") + D(r, "meterPower") + D(r, "dgActivePower");
            var outKw = D(r, "loadActivePower") + D(r, "nonCriticalLoad");
            Assert.True(Math.Abs(inKw - outKw) < 0.05, $"{AtessFleetView.T(r)}: power in {inKw} kW, out {outKw} kW");
            Assert.Equal(D(r, "egridToday"), D(r, "dailyEnergyFromMeter"));
        }
        Assert.True(D(rows[^1], "epvToday") > 50 && D(rows[^1], "eloadToday") > 50, "a working day of a C&I site");
    }

    [Fact]
    public async Task Pcs_and_pbd_of_one_system_balance_together()
    {
        var pcs = await DayAsync("/pcs/data-list", _fleet.Device(AtessFleetView.Farm, "Pcs"));
        var pbd = await DayAsync("/pbd/data-list", _fleet.Device(AtessFleetView.Farm, "Pbd"));
        Assert.Equal(pcs.Select(AtessFleetView.T), pbd.Select(AtessFleetView.T));
        for (var k = 0; k < pcs.Count; k++)
        {
            var (a, b) = (pcs[k], pbd[k]);
            var supply = D(b, "epvToday") * 0.975 + D(a, "edischargeToday") + D(a, "egridToday");
            var demand = D(a, "eloadToday") + D(a, "dailyNonCriticalEnergy") + D(a, "echargeToday") + D(a, "etoGridToday");
            Assert.True(Math.Abs(supply - demand) < 0.06 + 0.001 * demand, $"{AtessFleetView.T(a)}: supply {supply}, demand {demand}");
            Assert.Equal(D(a, "pac"), D(b, "pac"));
            Assert.Equal(D(a, "capacity"), D(b, "capacity"));
            Assert.Equal(D(b, "outPower") - D(b, "pcsOutputPower"), -D(b, "pac"), 0.02); // PV out − PCS out = battery charge
            Assert.Equal(D(b, "ppv"), D(b, "ppv1") + D(b, "ppv2") + D(b, "ppv3") + D(b, "ppv4") + D(b, "ppv5"), 0.03);
        }
    }

    [Fact]
    public async Task The_off_grid_hps_never_touches_a_grid_and_its_generator_covers_the_rest()
    {
        var rows = await DayAsync("/hps/data-list-small", _fleet.Device(AtessFleetView.Farm, "HpsString"));
        foreach (var r in rows)
        {
            Assert.Equal(0, D(r, "meterPower"));
            Assert.Equal((1, 1), ((int)D(r, "runModel"), (int)D(r, "dgGridSelect")));
            var supply = D(r, "epvToday") * 0.975 + D(r, "edischargeToday") + D(r, "dgTodayIntakePower");
            var demand = D(r, "eloadToday") + D(r, "echargeToday");
            Assert.True(Math.Abs(supply - demand) < 0.05 + 0.001 * demand, $"{AtessFleetView.T(r)}: supply {supply}, demand {demand}");
        }
    }

    [Fact]
    public async Task Counters_only_grow_and_today_counters_reset_at_plant_local_midnight()
    {
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        var rows = await AtessFleetView.HistoryAsync(_sandbox, "/hps/data-list", hps, "2026-06-15 00:00:00", "2026-06-17 23:59:59");
        for (var k = 1; k < rows.Count; k++)
        {
            var (before, now) = (rows[k - 1], rows[k]);
            foreach (var f in Lifetime) Assert.True(D(now, f) >= D(before, f), $"{f} fell at {AtessFleetView.T(now)}");
            var midnight = AtessFleetView.T(now).EndsWith(" 00:00:00", StringComparison.Ordinal);
            foreach (var f in Today)
            {
                if (midnight) Assert.True(D(now, f) == 0, $"{f} is {D(now, f)} at {AtessFleetView.T(now)}");
                else Assert.True(D(now, f) >= D(before, f), $"{f} fell at {AtessFleetView.T(now)}");
            }
        }
        Assert.Equal(2, rows.Count(r => AtessFleetView.T(r).EndsWith(" 00:00:00", StringComparison.Ordinal) && !AtessFleetView.T(r).StartsWith("2026-06-15", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Over_a_simulated_day_the_latest_data_moves_on_and_resets_once_at_local_midnight()
    {
        var pcs = SandboxHost.Query(("deviceSn", _fleet.Device(AtessFleetView.Farm, "Pcs")));
        JsonObject? previous = null;
        var resets = 0;
        for (var hour = 0; hour <= 24; hour++)
        {
            var row = (await _sandbox.AtessGetAsync("/pcs/data-last" + pcs))["data"]!.AsObject();
            if (previous is not null)
            {
                Assert.True(string.CompareOrdinal(AtessFleetView.T(row), AtessFleetView.T(previous)) > 0);
                foreach (var f in Lifetime.Where(row.ContainsKey)) Assert.True(D(row, f) >= D(previous, f), $"{f} fell");
                if (D(row, "eloadToday") < D(previous, "eloadToday")) resets++;
            }
            previous = row;
            _sandbox.Time.Advance(TimeSpan.FromHours(1));
        }
        Assert.Equal(1, resets);
    }

    [Fact]
    public async Task Bms_extremes_agree_between_racks_master_and_inverter_and_stay_plausible()
    {
        var racks = _fleet.Devices(AtessFleetView.Commercial, "Bcu");
        var bcus = new List<List<JsonObject>>();
        foreach (var sn in racks) bcus.Add(await DayAsync("/bms/buc-data-list", sn));
        var mbms = await DayAsync("/bms/mbms-data-list", _fleet.Device(AtessFleetView.Commercial, "Mbms"));
        var hps = await DayAsync("/hps/data-list", _fleet.Device(AtessFleetView.Commercial, "HpsCentral"));
        Assert.Equal(288, mbms.Count);
        for (var k = 0; k < mbms.Count; k++)
        {
            var m = mbms[k];
            var at = bcus.Select(b => b[k]).ToList();
            Assert.All(at, b => Assert.Equal(AtessFleetView.T(m), AtessFleetView.T(b)));
            for (var r = 0; r < 4; r++)
            {
                Assert.Equal(r + 1, (int)D(at[r], "maxVoltGroup"));
                Assert.Equal(r + 1, (int)D(at[r], "minTempGroup"));
            }
            // The master's extreme is the extreme of the racks, and the rack it names reports the same cell.
            Assert.Equal(at.Max(b => D(b, "maxVolt")), D(m, "maxVolt"));
            var highRack = at[(int)D(m, "maxVoltGroup") - 1];
            Assert.Equal((D(m, "maxVolt"), D(m, "maxVoltCell"), D(m, "maxVoltNum")), (D(highRack, "maxVolt"), D(highRack, "maxVoltCell"), D(highRack, "maxVoltNum")));
            Assert.Equal(at.Min(b => D(b, "minVolt")), D(m, "minVolt"));
            var lowRack = at[(int)D(m, "minVoltGroup") - 1];
            Assert.Equal((D(m, "minVolt"), D(m, "minVoltCell"), D(m, "minVoltNum")), (D(lowRack, "minVolt"), D(lowRack, "minVoltCell"), D(lowRack, "minVoltNum")));
            Assert.Equal(at.Max(b => D(b, "maxTemp")), D(m, "maxTemp"));
            Assert.Equal((D(m, "maxTemp"), D(m, "maxTempNum")), (D(at[(int)D(m, "maxTempGroup") - 1], "maxTemp"), D(at[(int)D(m, "maxTempGroup") - 1], "maxTempNum")));
            Assert.Equal(at.Min(b => D(b, "minTemp")), D(m, "minTemp"));
            Assert.Equal(at.Sum(b => D(b, "ibat")), D(m, "ibat"), 0.25);
            Assert.Equal(at.Sum(b => D(b, "edischargeToday")), D(m, "edischargeToday"), 0.03);
            Assert.True(D(m, "minVolt") <= D(m, "mvpv") && D(m, "mvpv") <= D(m, "maxVolt") && D(m, "minTemp") <= D(m, "maxTemp"));
            Assert.InRange(D(m, "minVolt"), 2.8, 3.65);
            Assert.InRange(D(m, "maxVolt"), 2.8, 3.65);
            Assert.InRange(D(m, "maxTemp") - D(m, "minTemp"), 0, 3.1); // modules within ±1.5 °C of the mean, shown to 0.1 °C
            Assert.InRange((int)D(m, "maxVoltCell"), 1, 10);  // module number
            Assert.InRange((int)D(m, "maxVoltNum"), 1, 22);   // cell number in the module
            Assert.InRange((int)D(m, "maxTempNum"), 1, 10);
            foreach (var f in new[] { "maxVolt", "maxVoltGroup", "minVolt", "minVoltGroup", "maxTemp", "maxTempGroup", "minTemp", "capacity", "vbat" })
                Assert.Equal(D(m, f), D(hps[k], f));
        }
    }

    [Fact]
    public async Task A_datalog_that_lost_contact_keeps_its_last_upload_until_contact_returns()
    {
        var log = _fleet.DataLog(AtessFleetView.Small);
        var hps = SandboxHost.Query(("deviceSn", _fleet.Device(AtessFleetView.Small, "HpsString")));
        var datalog = (await _sandbox.AtessGetAsync("/datalog" + SandboxHost.Query(("dataLogSn", log))))["data"]!.AsObject();
        Assert.True(datalog["lost"]!.GetValue<bool>());
        // Lost three hours before the sandbox started (10:00 UTC = 18:00 in Manila): the last upload is from 15:00.
        Assert.Equal("2026-06-17 15:00:00", datalog["updateTime"]!.GetValue<string>());
        var info = (await _sandbox.AtessGetAsync("/hps/base-info-small/list" + SandboxHost.Query(("dataLogSn", log))))["data"]![0]!.AsObject();
        Assert.True(info["lost"]!.GetValue<bool>());
        Assert.Equal("2026-06-17 15:00:00", AtessFleetView.T((await _sandbox.AtessGetAsync("/hps/data-last-small" + hps))["data"]!.AsObject()));

        _sandbox.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("2026-06-17 15:00:00", AtessFleetView.T((await _sandbox.AtessGetAsync("/hps/data-last-small" + hps))["data"]!.AsObject()));
        var today = await DayAsync("/hps/data-list-small", _fleet.Device(AtessFleetView.Small, "HpsString"), "2026-06-17");
        Assert.Equal("2026-06-17 15:00:00", AtessFleetView.T(today[^1]));

        (await _sandbox.Client.PostAsync("/sandbox/admin/atess/datalogs/" + log + "/lost?lost=false", null)).EnsureSuccessStatusCode();
        _sandbox.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("2026-06-17 18:40:00", AtessFleetView.T((await _sandbox.AtessGetAsync("/hps/data-last-small" + hps))["data"]!.AsObject()));
        var after = await DayAsync("/hps/data-list-small", _fleet.Device(AtessFleetView.Small, "HpsString"), "2026-06-17");
        Assert.Equal(["2026-06-17 15:00:00", "2026-06-17 18:30:00", "2026-06-17 18:35:00", "2026-06-17 18:40:00"], after.TakeLast(4).Select(AtessFleetView.T));
        Assert.False((await _sandbox.AtessGetAsync("/datalog" + SandboxHost.Query(("dataLogSn", log))))["data"]!["lost"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_fleet_has_the_documented_sites_in_real_time_zones_with_reference_shaped_serials()
    {
        var plants = (await _sandbox.AtessGetAsync("/plant/list"))["data"]!["datas"]!.AsArray().Select(p => p!.AsObject()).ToList();
        Assert.Equal(["Africa/Nairobi", "Australia/Adelaide", "Asia/Manila"], plants.Select(p => p["timeZone"]!.GetValue<string>()));
        Assert.All(plants, p => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(p["timeZone"]!.GetValue<string>())));
        var fleet = await _sandbox.AtessFleetAsync();
        var serials = fleet["dataLogs"]!.AsArray().Concat(fleet["spareDataLogs"]!.AsArray())
            .SelectMany(l => new[] { l!["dataLogSn"]!.GetValue<string>() }.Concat(l!["devices"]!.AsArray().Select(d => d!["deviceSn"]!.GetValue<string>()))).ToList();
        Assert.All(serials, s => Assert.Matches(AtessReferenceExampleTests.SerialShape(), s));
        Assert.Equal(serials.Count, serials.Distinct().Count());
        Assert.Equal("HPS150HV", (await _sandbox.AtessGetAsync("/hps/base-info" + SandboxHost.Query(("deviceSn", _fleet.Device(AtessFleetView.Commercial, "HpsCentral")))))["data"]!["model"]!.GetValue<string>());
        Assert.Equal(4, _fleet.Devices(AtessFleetView.Commercial, "Bcu").Count);
        Assert.Single(_fleet.Devices(AtessFleetView.Commercial, "Mbms"));
        Assert.Equal(["Pcs", "Pbd", "HpsString"], _fleet.DataLogOf(AtessFleetView.Farm)["devices"]!.AsArray().Select(d => d!["family"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_seed_alone_decides_the_fleet_and_its_data()
    {
        await using var twin = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        Assert.Equal((await _sandbox.AtessFleetAsync()).ToJsonString(), (await twin.AtessFleetAsync()).ToJsonString());
        var hps = "/hps/data-last" + SandboxHost.Query(("deviceSn", _fleet.Device(AtessFleetView.Commercial, "HpsCentral")));
        Assert.Equal((await _sandbox.AtessGetAsync(hps)).ToJsonString(), (await twin.AtessGetAsync(hps)).ToJsonString());

        await using var other = await SandboxHost.StartAsync(o => o.Seed = 7);
        var otherFleet = await AtessFleetView.LoadAsync(other);
        Assert.NotEqual(_fleet.Device(AtessFleetView.Commercial, "HpsCentral"), otherFleet.Device(AtessFleetView.Commercial, "HpsCentral"));

        // Serials come from the seed alone: a sandbox started a year later has the same ones.
        await using var later = await SandboxHost.StartAsync(start: SandboxHost.DefaultStart.AddDays(400));
        var laterFleet = await AtessFleetView.LoadAsync(later);
        foreach (var kit in new[] { AtessFleetView.Commercial, AtessFleetView.Farm, AtessFleetView.Small })
        {
            Assert.Equal(_fleet.DataLog(kit), laterFleet.DataLog(kit));
            Assert.Equal(_fleet.Devices(kit, "Bcu"), laterFleet.Devices(kit, "Bcu"));
            Assert.Equal(_fleet.Devices(kit, "HpsString"), laterFleet.Devices(kit, "HpsString"));
        }
        Assert.Equal(_fleet.Spare(AtessFleetView.SpareCommercial), laterFleet.Spare(AtessFleetView.SpareCommercial));
    }

    [Fact]
    public async Task Extra_sites_scale_the_fleet_for_benchmarks()
    {
        await using var big = await SandboxHost.StartAsync(o => o.Atess.ExtraSites = 8);
        var fleet = await big.AtessFleetAsync();
        var devices = fleet["dataLogs"]!.AsArray().Sum(l => l!["devices"]!.AsArray().Count);
        Assert.Equal(11, fleet["plants"]!.AsArray().Count);
        Assert.True(devices >= 30, $"{devices} devices");
        Assert.Equal(11, fleet["plants"]!.AsArray().Select(p => p!["plantName"]!.GetValue<string>()).Distinct().Count());
    }
}
