using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.Atess;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>"The frequency of acquisition is once every 5 minutes": per account, endpoint and device, on the simulated clock.</summary>
public sealed class AtessAcquisitionLimitTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private AtessFleetView _fleet = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _fleet = await AtessFleetView.LoadAsync(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private async Task<int> CodeAsync(string path) => (await _sandbox.AtessGetAsync(path))["code"]!.GetValue<int>();

    private static string Sn(string sn) => SandboxHost.Query(("deviceSn", sn));

    [Fact]
    public async Task A_second_call_within_five_minutes_is_refused_with_code_429_until_the_period_is_over()
    {
        var hps = Sn(_fleet.Device(AtessFleetView.Commercial, "HpsCentral"));
        Assert.Equal(0, await CodeAsync("/hps/data-last" + hps));
        var refused = await _sandbox.AtessGetAsync("/hps/data-last" + hps);
        Assert.Equal(429, refused["code"]!.GetValue<int>());
        Assert.Null(refused["data"]);
        Assert.Equal("The frequency of acquisition is once every 5 minutes; try again in 300 s", refused["msg"]!.GetValue<string>());

        _sandbox.Time.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(429, await CodeAsync("/hps/data-last" + hps));
        _sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await CodeAsync("/hps/data-last" + hps));
    }

    [Fact]
    public async Task Refused_calls_do_not_push_the_next_allowed_call_back()
    {
        var pcs = Sn(_fleet.Device(AtessFleetView.Farm, "Pcs"));
        Assert.Equal(0, await CodeAsync("/pcs/data-last" + pcs));
        for (var minute = 1; minute <= 4; minute++)
        {
            _sandbox.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(429, await CodeAsync("/pcs/data-last" + pcs));
        }
        _sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await CodeAsync("/pcs/data-last" + pcs));
    }

    [Fact]
    public async Task Each_endpoint_and_device_has_its_own_budget()
    {
        var racks = _fleet.Devices(AtessFleetView.Commercial, "Bcu");
        Assert.Equal(0, await CodeAsync("/bms/buc-data-last" + Sn(racks[0])));
        Assert.Equal(0, await CodeAsync("/bms/buc-data-last" + Sn(racks[1])));             // another device
        Assert.Equal(0, await CodeAsync("/bms/buc-base-info" + Sn(racks[0])));             // another endpoint
        Assert.Equal(0, await CodeAsync("/bms/buc-setting" + Sn(racks[0])));
        var day = ("startDate", (object)"2026-06-16 00:00:00");
        Assert.Equal(0, await CodeAsync("/bms/buc-data-list" + SandboxHost.Query(("deviceSn", racks[0]), day, ("endDate", "2026-06-16 23:59:59"), ("pageNo", 1), ("pageSize", 100))));
        // The next page of the same device's history is the same endpoint and device: it waits its turn.
        Assert.Equal(429, await CodeAsync("/bms/buc-data-list" + SandboxHost.Query(("deviceSn", racks[0]), day, ("endDate", "2026-06-16 23:59:59"), ("pageNo", 2), ("pageSize", 100))));
        Assert.Equal(429, await CodeAsync("/bms/buc-data-last" + Sn(racks[0])));
        Assert.Equal(0, await CodeAsync("/plant/list"));
        Assert.Equal(429, await CodeAsync("/plant/list"));
    }

    [Fact]
    public void Each_account_has_its_own_budget()
    {
        var limit = _sandbox.Service<AcquisitionLimit>();
        Assert.Null(limit.TryAcquire("demo-atess", "GET /hps/data-last", "UHC0A26001"));
        Assert.Null(limit.TryAcquire("other-atess", "GET /hps/data-last", "UHC0A26001"));
        Assert.Equal(AcquisitionLimit.Period, limit.TryAcquire("other-atess", "GET /hps/data-last", "UHC0A26001"));
    }

    [Fact]
    public async Task Changing_a_setting_is_not_an_acquisition()
    {
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        Assert.Equal(0, await CodeAsync("/hps/setting" + Sn(hps)));
        for (var k = 0; k < 3; k++)
        {
            var put = await _sandbox.AtessAsync(HttpMethod.Put, "/hps/setting", $$"""{"deviceSn":"{{hps}}","cpPowerLimit":{{40 + k}}}""");
            Assert.Equal(0, put["code"]!.GetValue<int>());
        }
        Assert.Equal(429, await CodeAsync("/hps/setting" + Sn(hps)));
    }

    [Fact]
    public async Task Relaxed_flow_control_lets_manual_demos_call_again_at_once()
    {
        await using var relaxed = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        var hps = Sn((await AtessFleetView.LoadAsync(relaxed)).Device(AtessFleetView.Commercial, "HpsCentral"));
        for (var k = 0; k < 3; k++) Assert.Equal(0, (await relaxed.AtessGetAsync("/hps/data-last" + hps))["code"]!.GetValue<int>());
    }
}
