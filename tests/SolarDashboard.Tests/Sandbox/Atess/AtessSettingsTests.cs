using System.Text.Json.Nodes;
using SolarDashboard.Sandbox;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>Settings per device family: read, write, ranges, and their effect on the simulated physics.</summary>
public sealed class AtessSettingsTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private AtessFleetView _fleet = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        _fleet = await AtessFleetView.LoadAsync(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private Task<JsonObject> GetAsync(string path, string sn) => _sandbox.AtessGetAsync(path + SandboxHost.Query(("deviceSn", sn)));

    private Task<JsonObject> PutAsync(string path, string body) => _sandbox.AtessAsync(HttpMethod.Put, path, body);

    private async Task ChangeAsync(string path, string sn, string settings)
    {
        var answer = await PutAsync(path, $$"""{"deviceSn":"{{sn}}",{{settings}}}""");
        Assert.True(answer["code"]!.GetValue<int>() == 0, answer.ToJsonString());
    }

    /// <summary>Rows of the device from the change (sandbox start, 2026-06-17 10:00 UTC) on, after the clock moved <paramref name="hours"/> on.</summary>
    private async Task<List<JsonObject>> AfterAsync(string path, string sn, double hours)
    {
        _sandbox.Time.Advance(TimeSpan.FromHours(hours));
        return await AtessFleetView.HistoryAsync(_sandbox, path, sn, "2026-06-17 00:00:00", "2026-06-19 23:59:59");
    }

    private static double D(JsonObject row, string key) => AtessFleetView.D(row, key);

    [Fact]
    public async Task Each_family_has_its_settings_with_defaults()
    {
        var hps = (await GetAsync("/hps/setting", _fleet.Device(AtessFleetView.Commercial, "HpsCentral")))["data"]!.AsObject();
        Assert.Equal(
            ["deviceSn", "chargeCutoffSoc", "cpPowerLimit", "dischargeCutoffSoc", "genEnable", "genMaxPower", "genStartSoc", "genStopSoc", "gridChargeEnable",
             "gridChargePower", "gridChargeStartSoc", "gridChargeStopSoc", "loadPowerLimit", "maxChargePower", "maxDischargePower", "onOff", "parallelNum"],
            hps.Select(p => p.Key));
        Assert.Equal((1, 1, 150.0, 0.0, 0), (hps["onOff"]!.GetValue<int>(), hps["parallelNum"]!.GetValue<int>(), hps["loadPowerLimit"]!.GetValue<double>(),
            hps["cpPowerLimit"]!.GetValue<double>(), hps["genEnable"]!.GetValue<int>()));
        var offGrid = (await GetAsync("/hps/setting-small", _fleet.Device(AtessFleetView.Farm, "HpsString")))["data"]!.AsObject();
        Assert.Equal((1, 20, 30), (offGrid["genEnable"]!.GetValue<int>(), offGrid["dischargeCutoffSoc"]!.GetValue<int>(), offGrid["genStartSoc"]!.GetValue<int>()));
        var pcs = (await GetAsync("/pcs/setting", _fleet.Device(AtessFleetView.Farm, "Pcs")))["data"]!.AsObject();
        Assert.DoesNotContain("genEnable", pcs.Select(p => p.Key));
        Assert.Contains("gridChargeStartSoc", pcs.Select(p => p.Key));
        var pbd = (await GetAsync("/pbd/setting", _fleet.Device(AtessFleetView.Farm, "Pbd")))["data"]!.AsObject();
        Assert.Equal(["deviceSn", "maxChargeCurr", "onOff", "parallelNum"], pbd.Select(p => p.Key));
        var bcu = (await GetAsync("/bms/buc-setting", _fleet.Devices(AtessFleetView.Commercial, "Bcu")[0]))["data"]!.AsObject();
        Assert.Equal(["deviceSn", "cellVoltHighLimit", "cellVoltLowLimit", "chargeTempHigh", "chargeTempLow", "dischargeTempHigh", "dischargeTempLow", "maxChargeCurr", "maxDischargeCurr"],
            bcu.Select(p => p.Key));
        Assert.Equal((3.6, 105.0), (bcu["cellVoltHighLimit"]!.GetValue<double>(), bcu["maxChargeCurr"]!.GetValue<double>()));
        var mbms = (await GetAsync("/bms/mbms-setting", _fleet.Device(AtessFleetView.Commercial, "Mbms")))["data"]!.AsObject();
        Assert.Equal(420.0, mbms["maxChargeCurr"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_change_is_answered_with_the_new_settings_and_read_back()
    {
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        var answer = await PutAsync("/hps/setting", $$"""{"deviceSn":"{{hps}}","cpPowerLimit":40.5,"gridChargeEnable":1}""");
        Assert.Equal(0, answer["code"]!.GetValue<int>());
        Assert.Equal((40.5, 1), (answer["data"]!["cpPowerLimit"]!.GetValue<double>(), answer["data"]!["gridChargeEnable"]!.GetValue<int>()));
        var read = (await GetAsync("/hps/setting", hps))["data"]!.AsObject();
        Assert.Equal(answer["data"]!.ToJsonString(), read.ToJsonString());
    }

    [Theory]
    [InlineData("\"genStartSoc\":95", "genStartSoc must be between 5 and 80 (got 95)")]
    [InlineData("\"maxChargePower\":150.5", "maxChargePower must be between 0 and 150 (got 150.5)")]
    [InlineData("\"loadPowerLimit\":10", "loadPowerLimit must be between 15 and 150 (got 10)")]
    [InlineData("\"onOff\":0.5", "onOff must be a whole number")]
    [InlineData("\"onOff\":\"1\"", "onOff must be a number")]
    [InlineData("\"gridChargeStopSoc\":15", "gridChargeStopSoc must be above gridChargeStartSoc")]
    [InlineData("\"dischargeCutoffSoc\":10,\"chargeCutoffSoc\":50,\"genStopSoc\":5", "genStopSoc must be between 10 and 100 (got 5)")]
    [InlineData("\"exportLimit\":10", "exportLimit is not a setting of this device")]
    public async Task A_value_out_of_range_is_refused_and_nothing_is_applied(string change, string message)
    {
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        var before = (await GetAsync("/hps/setting", hps))["data"]!.ToJsonString();
        var answer = await PutAsync("/hps/setting", $$"""{"deviceSn":"{{hps}}","cpPowerLimit":33,{{change}}}""");
        Assert.Equal(500, answer["code"]!.GetValue<int>());
        Assert.Equal(message, answer["msg"]!.GetValue<string>());
        Assert.Null(answer["data"]);
        Assert.Equal(before, (await GetAsync("/hps/setting", hps))["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Settings_are_refused_where_the_device_cannot_have_them()
    {
        var small = _fleet.Device(AtessFleetView.Small, "HpsString");
        Assert.Equal("no generator is connected to this system",
            (await PutAsync("/hps/setting-small", $$"""{"deviceSn":"{{small}}","genEnable":1}"""))["msg"]!.GetValue<string>());
        var pcs = _fleet.Device(AtessFleetView.Farm, "Pcs");
        Assert.Equal("genStartSoc is not a setting of this device", (await PutAsync("/pcs/setting", $$"""{"deviceSn":"{{pcs}}","genStartSoc":40}"""))["msg"]!.GetValue<string>());
        Assert.Equal(400, (await PutAsync("/hps/setting", $$"""{"deviceSn":"{{pcs}}","onOff":1}"""))["code"]!.GetValue<int>());
        Assert.Equal("deviceSn is required", (await PutAsync("/pcs/setting", """{"onOff":1}"""))["msg"]!.GetValue<string>());
        Assert.Equal("no setting to change", (await PutAsync("/pcs/setting", $$"""{"deviceSn":"{{pcs}}"}"""))["msg"]!.GetValue<string>());
        Assert.Equal("the request body must be a JSON object", (await PutAsync("/pcs/setting", "[1,2]"))["msg"]!.GetValue<string>());
        var foreign = await _sandbox.AtessAsync(HttpMethod.Put, "/pcs/setting", $$"""{"deviceSn":"{{pcs}}","onOff":0}""", SandboxHost.AtessBasic("other-atess", "other-atess-key"));
        Assert.Equal(403, foreign["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_soc_start_of_grid_charging_decides_whether_the_grid_charges_the_battery()
    {
        // 19:30 in Adelaide, June: dark. The farm's PCS battery serves the evening load.
        var pcs = _fleet.Device(AtessFleetView.Farm, "Pcs");
        var pbd = _fleet.Device(AtessFleetView.Farm, "Pbd");
        var soc = D((await GetAsync("/pcs/data-last", pcs))["data"]!.AsObject(), "capacity");
        Assert.InRange(soc, 10, 80);
        await ChangeAsync("/pcs/setting", pcs, $"\"gridChargeEnable\":1,\"gridChargeStartSoc\":{Math.Max(5, soc - 5)},\"gridChargeStopSoc\":95,\"gridChargePower\":40");
        var idle = (await AfterAsync("/pcs/data-list", pcs, 0.5)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 19:30:00") > 0).ToList();
        Assert.Equal(6, idle.Count);
        Assert.All(idle, r => Assert.True(D(r, "pac") >= 0, $"{AtessFleetView.T(r)}: not charging above the start SOC"));

        await ChangeAsync("/pcs/setting", pcs, "\"gridChargeStartSoc\":90");
        var charging = (await AfterAsync("/pcs/data-list", pcs, 0.5)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 20:00:00") > 0).ToList();
        var pbdRows = (await AtessFleetView.HistoryAsync(_sandbox, "/pbd/data-list", pbd, "2026-06-17 20:05:00", "2026-06-17 20:30:00"));
        Assert.Equal(6, charging.Count);
        Assert.All(charging, r =>
        {
            Assert.Equal(-40, D(r, "pac"), 0.01);
            Assert.True(D(r, "meterPower") > 40, "the grid carries load and charging");
        });
        Assert.All(pbdRows, r => Assert.Equal(40, D(r, "pcsBatChargingPower"), 0.01));
        Assert.True(D(charging[^1], "capacity") > D(charging[0], "capacity"));
    }

    [Fact]
    public async Task Grid_power_compensation_holds_grid_import_at_the_limit_while_the_battery_can()
    {
        // Grid charging at 150 kW would import far more (the next test shows 120 kW and up); the limit holds it at 25 kW,
        // and once the load alone needs more, the battery discharges to make up the difference.
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        await ChangeAsync("/hps/setting", hps, "\"gridChargeEnable\":1,\"gridChargeStartSoc\":95,\"gridChargeStopSoc\":100,\"gridChargePower\":150,\"cpPowerLimit\":25");
        var rows = (await AfterAsync("/hps/data-list", hps, 8)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 13:00:00") > 0).ToList();
        Assert.Equal(96, rows.Count);
        foreach (var r in rows)
        {
            Assert.Equal(25, D(r, "cpPowerLimit"));
            // Unless the battery reached its discharge cutoff (bit 2 of bmsSystemStatus) or its most power.
            var batteryCanHelp = ((int)D(r, "bmsSystemStatus") & 2) == 0 && D(r, "pac") < 149.9;
            if (batteryCanHelp) Assert.True(D(r, "meterPower") <= 25.01, $"{AtessFleetView.T(r)}: import {D(r, "meterPower")} kW with SOC {D(r, "capacity")}");
        }
        Assert.Contains(rows, r => D(r, "pac") < -1 && Math.Abs(D(r, "meterPower") - 25) < 0.01);         // grid charging held at the limit
        Assert.Contains(rows, r => D(r, "cpActivePower") > 1 && Math.Abs(D(r, "meterPower") - 25) < 0.01); // the battery shaving the peak
        // History before the change still shows the setting as it was.
        var before = await AtessFleetView.HistoryAsync(_sandbox, "/hps/data-list", hps, "2026-06-17 12:00:00", "2026-06-17 13:00:00");
        Assert.All(before, r => Assert.Equal(0, D(r, "cpPowerLimit")));
    }

    [Fact]
    public async Task Grid_charging_without_a_limit_draws_what_it_is_set_to()
    {
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        await ChangeAsync("/hps/setting", hps, "\"gridChargeEnable\":1,\"gridChargeStartSoc\":95,\"gridChargeStopSoc\":100,\"gridChargePower\":150");
        var rows = (await AfterAsync("/hps/data-list", hps, 0.5)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 13:00:00") > 0).ToList();
        Assert.All(rows, r => Assert.Equal(-150, D(r, "pac"), 0.01));
        Assert.All(rows, r => Assert.True(D(r, "meterPower") > 100));
    }

    [Fact]
    public async Task The_load_power_limit_caps_the_inverter_and_the_bypass_carries_the_rest()
    {
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        await ChangeAsync("/hps/setting", hps, "\"loadPowerLimit\":20");
        var rows = (await AfterAsync("/hps/data-list", hps, 2)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 13:00:00") > 0).ToList();
        Assert.Equal(24, rows.Count);
        Assert.All(rows, r => Assert.True(D(r, "ppv1") * 0.975 + D(r, "pac") <= 20.02, $"{AtessFleetView.T(r)}: inverter out {D(r, "ppv1") * 0.975 + D(r, "pac")} kW"));
        Assert.Contains(rows, r => D(r, "atsBypass") == 1 && D(r, "bactivePower") > 0);
    }

    [Fact]
    public async Task Switching_off_or_a_wrong_parallel_count_stops_the_inverter()
    {
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        await ChangeAsync("/hps/setting", hps, "\"onOff\":0");
        var off = (await AfterAsync("/hps/data-list", hps, 0.5)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 13:00:00") > 0).ToList();
        Assert.All(off, r =>
        {
            Assert.Equal((3, 0.0, 0.0, 1), ((int)D(r, "status"), D(r, "ppv1"), D(r, "pac"), (int)D(r, "atsBypass")));
            Assert.Equal(D(r, "loadActivePower") + D(r, "nonCriticalLoad"), D(r, "meterPower"), 0.02);
        });
        Assert.Equal("off", (await GetAsync("/hps/base-info", hps))["data"]!["status"]!.GetValue<string>());
        Assert.Equal("standby", (await GetAsync("/bms/mbms-base-info", _fleet.Device(AtessFleetView.Commercial, "Mbms")))["data"]!["status"]!.GetValue<string>());

        await ChangeAsync("/hps/setting", hps, "\"onOff\":1,\"parallelNum\":2");
        var fault = (await AfterAsync("/hps/data-list", hps, 0.5)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 13:30:00") > 0).ToList();
        Assert.All(fault, r => Assert.Equal((2, 0.0), ((int)D(r, "status"), D(r, "ppv1"))));
        Assert.Equal("fault", (await GetAsync("/hps/base-info", hps))["data"]!["status"]!.GetValue<string>());

        await ChangeAsync("/hps/setting", hps, "\"parallelNum\":1");
        var back = (await AfterAsync("/hps/data-list", hps, 0.5)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 14:00:00") > 0).ToList();
        Assert.All(back, r => Assert.Equal(1, (int)D(r, "status")));
        Assert.Contains(back, r => D(r, "ppv1") > 0);
    }

    [Fact]
    public async Task The_generator_starts_below_its_start_soc_and_runs_to_its_stop_soc()
    {
        var hps = _fleet.Device(AtessFleetView.Farm, "HpsString");
        var soc = D((await GetAsync("/hps/data-last-small", hps))["data"]!.AsObject(), "capacity");
        Assert.InRange(soc, 21, 79);
        await ChangeAsync("/hps/setting-small", hps, "\"genStartSoc\":80,\"genStopSoc\":90,\"genMaxPower\":30");
        var rows = (await AfterAsync("/hps/data-list-small", hps, 6)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 19:30:00") > 0).ToList();
        var running = rows.TakeWhile(r => D(r, "dgActivePower") > 0).ToList();
        Assert.NotEmpty(running);
        Assert.All(running, r => Assert.True(D(r, "pac") < 0, "the generator charges the battery"));
        Assert.True(D(rows[running.Count], "capacity") >= 90, "it stops at the stop SOC");
        var before = (await AtessFleetView.HistoryAsync(_sandbox, "/hps/data-list-small", hps, "2026-06-17 19:30:00", "2026-06-17 19:30:00")).Single();
        Assert.Equal(running.Count * 5, D(rows[running.Count], "dgTotalIntakeTime") - D(before, "dgTotalIntakeTime"), 0.01);
        Assert.True(D(rows[running.Count], "dgTotalIntakePower") > D(before, "dgTotalIntakePower"));

        await ChangeAsync("/hps/setting-small", hps, "\"genEnable\":0");
        var later = await AfterAsync("/hps/data-list-small", hps, 1);
        Assert.All(later.TakeLast(11), r => Assert.Equal(0, D(r, "dgActivePower")));
    }

    [Fact]
    public async Task A_lower_cell_voltage_limit_stops_charging_before_any_cell_reaches_it()
    {
        var mbms = _fleet.Device(AtessFleetView.Commercial, "Mbms");
        await ChangeAsync("/bms/mbms-setting", mbms, "\"cellVoltHighLimit\":3.4");
        // Charge as hard as possible (from the grid as well) so the battery meets the limit.
        await ChangeAsync("/hps/setting", _fleet.Device(AtessFleetView.Commercial, "HpsCentral"),
            "\"gridChargeEnable\":1,\"gridChargeStartSoc\":95,\"gridChargeStopSoc\":100,\"gridChargePower\":150");
        var rows = (await AfterAsync("/bms/mbms-data-list", mbms, 6)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 13:00:00") > 0).ToList();
        Assert.All(rows, r => Assert.True(D(r, "maxVolt") <= 3.4, $"{AtessFleetView.T(r)}: {D(r, "maxVolt")} V"));
        Assert.Contains(rows, r => D(r, "capacity") >= 85 && ((int)D(r, "bmsSystemStatus") & 1) == 1);
        Assert.All(rows, r => Assert.True(D(r, "capacity") <= 88));
    }

    [Fact]
    public async Task Rack_current_limits_and_temperature_windows_bound_the_battery()
    {
        var racks = _fleet.Devices(AtessFleetView.Commercial, "Bcu");
        foreach (var rack in racks) await ChangeAsync("/bms/buc-setting", rack, "\"maxChargeCurr\":10");
        var mbms = _fleet.Device(AtessFleetView.Commercial, "Mbms");
        await ChangeAsync("/bms/mbms-setting", mbms, "\"chargeTempLow\":15");
        await ChangeAsync("/hps/setting", _fleet.Device(AtessFleetView.Commercial, "HpsCentral"),
            "\"gridChargeEnable\":1,\"gridChargeStartSoc\":95,\"gridChargeStopSoc\":100,\"gridChargePower\":150");
        var rows = (await AfterAsync("/bms/mbms-data-list", mbms, 24)).Where(r => string.CompareOrdinal(AtessFleetView.T(r), "2026-06-17 13:00:00") > 0).ToList();
        Assert.All(rows, r =>
        {
            Assert.Equal(40, D(r, "maxChargeCurr"), 0.1);                      // four racks of 10 A
            Assert.True(-D(r, "pac") <= 40 * 704 / 1000.0 + 0.05, $"{AtessFleetView.T(r)}: charging at {-D(r, "pac")} kW");
            if (D(r, "pac") < -0.05) Assert.True(D(r, "minTemp") >= 15, $"{AtessFleetView.T(r)}: charging at {D(r, "minTemp")} °C");
        });
        Assert.Contains(rows, r => D(r, "pac") < -20);
        var rackRow = (await GetAsync("/bms/buc-data-last", racks[0]))["data"]!.AsObject();
        Assert.Equal(10, D(rackRow, "maxChargeCurr"));
    }
}
