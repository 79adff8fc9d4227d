using Bunit;
using SolarDashboard.Components.Bms;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.RawValues;

namespace SolarDashboard.Tests.Web.Bms;

/// <summary>The rack view: per rack SOC, cell extremes with rack, module and cell, temperatures, states in words, offline racks.</summary>
public sealed class BmsRackViewTests : MudTestContext
{
    private static readonly DateTimeOffset At = new(2026, 6, 17, 9, 55, 0, TimeSpan.Zero);

    private static DeviceTelemetry Device(int id, string name, DeviceRole role, Dictionary<string, double?> values, bool stale = false,
        params (string Key, string Text)[] states)
    {
        var summary = new DeviceSummary(id, 1, name, role, role == DeviceRole.Battery ? "MBMS" : "BCU", name, null, "V1.2", $"SN{id}", At, stale);
        var labelled = values.Select(v => new LabelledValue(v.Key, v.Key, "", RawValueKind.Number, v.Value, states.FirstOrDefault(s => s.Key == v.Key).Text)).ToList();
        return new DeviceTelemetry(summary, values, [new RawValueGroup("Battery", labelled)], StandardValues.Empty, [], null, At, At, stale);
    }

    private static Dictionary<string, double?> Rack(double soc, int rack) => new()
    {
        ["capacity"] = soc, ["maxVolt"] = 3.412, ["maxVoltGroup"] = rack, ["maxVoltCell"] = 5, ["maxVoltNum"] = 12,
        ["minVolt"] = 3.301, ["minVoltGroup"] = rack, ["minVoltCell"] = 2, ["minVoltNum"] = 7,
        ["maxTemp"] = 31.5, ["maxTempGroup"] = rack, ["maxTempNum"] = 4, ["minTemp"] = 24, ["minTempGroup"] = rack, ["minTempNum"] = 9,
        ["bmsVoltStatus"] = 1, ["bmsSystemStatus"] = 1, ["bmsStatus"] = 1, ["status"] = 1,
    };

    private static readonly (string, string)[] Words =
        [("bmsVoltStatus", "Relay closed"), ("bmsSystemStatus", "Charging stopped"), ("bmsStatus", "Charging"), ("status", "Normal")];

    [Fact]
    public void Each_rack_shows_its_soc_cell_extremes_with_their_place_and_its_states_in_words()
    {
        var racks = BmsRackView.From([Device(11, "BCU 2", DeviceRole.BmsRack, Rack(81, 2), states: Words)]);

        var r = Assert.Single(racks);
        Assert.Equal(81, r.SocPercent);
        Assert.Equal(("3.412 V", "rack 2 · module 5 · cell 12"), (r.MaxCell!.Text, r.MaxCell.Where));
        Assert.Equal(("3.301 V", "rack 2 · module 2 · cell 7"), (r.MinCell!.Text, r.MinCell.Where));
        Assert.Equal(("31.5 °C", "rack 2 · module 4"), (r.MaxTemp!.Text, r.MaxTemp.Where));
        Assert.Equal(("Relay closed", "Charging stopped", "Charging", "Normal"), (r.Relay, r.SystemStatus, r.BatteryStatus, r.Status));
        Assert.False(r.Offline);
    }

    [Fact]
    public void The_master_comes_first_then_racks_in_number_order_and_other_batteries_are_left_out()
    {
        var racks = BmsRackView.From([
            Device(3, "BCU 10", DeviceRole.BmsRack, Rack(80, 10)),
            Device(2, "BCU 2", DeviceRole.BmsRack, Rack(80, 2)),
            Device(1, "MBMS", DeviceRole.Battery, Rack(80, 1)),
            Device(4, "Another vendor's battery", DeviceRole.Battery, new() { ["battery_soc"] = 50 }),
        ]);

        Assert.Equal(["MBMS", "BCU 2", "BCU 10"], racks.Select(r => r.Name));
        Assert.True(racks[0].IsMaster);
    }

    [Fact]
    public void A_rack_without_fresh_uploads_is_shown_offline_with_its_last_values()
    {
        var cut = Render<BmsRacks>(p => p.Add(x => x.Racks, BmsRackView.From([Device(5, "BCU 1", DeviceRole.BmsRack, Rack(40, 1), stale: true, states: Words)]))
            .Add(x => x.Now, At.AddHours(2)));

        var card = cut.Find("[data-testid=bms-rack]");
        Assert.Equal("true", card.GetAttribute("data-offline"));
        Assert.Contains("Offline", cut.Find("[data-testid=rack-offline]").TextContent);
        Assert.Contains("offline", card.TextContent);
        Assert.Contains("3.412 V (rack 1 · module 5 · cell 12)", card.TextContent);
        Assert.Contains("40 %", card.TextContent);
    }
}
