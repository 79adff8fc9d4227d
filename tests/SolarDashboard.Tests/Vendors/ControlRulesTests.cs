using System.Text.Json;
using System.Text.Json.Nodes;
using SolarDashboard.Core.Control;
using SolarDashboard.Tests.Support;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Vendors;

/// <summary>
/// Control tasks (reference 5.2, 7.5): the bodies we send equal the reference's literal request examples, its answers
/// parse, and every documented range, sign rule, window rule and plant maximum is enforced before anything is sent.
/// </summary>
public sealed class ControlRulesTests
{
    private static PlantControlFacts Plant(ControllerType controller = ControllerType.Dongle, bool lg = false, double? soc = 50, bool online = true,
        bool battery = true, bool allows = true, int? running = null) =>
        new(1, "Home", "NE=1", 1, allows, allows ? null : "no consent", battery, lg, controller, online, soc, 7, 5000, 5000, 10, running);

    private static void Same(string referenceJson, JsonNode ours) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(referenceJson), ours), $"expected {JsonNode.Parse(referenceJson)!.ToJsonString()} but built {ours.ToJsonString()}");

    [Fact]
    public void Charge_and_discharge_body_equals_the_request_example_of_5_2_1()
    {
        var ours = ControlWire.DeliveryBody([
            ("NE=12345678", new ChargeDischargeParameters(ForcedAction.Charge, SocControl: false, null, Minutes: 600, PowerW: 5000)),
            ("NE=23456789", new ChargeDischargeParameters(ForcedAction.Charge, SocControl: true, TargetSoc: 100, null, PowerW: 5000)),
        ]);
        Same(ReferenceDocs.FusionSolar("5.2.1-charge-discharge-request-example.json"), ours);
    }

    [Fact]
    public void Battery_mode_body_equals_the_request_example_of_5_2_3()
    {
        var ours = ControlWire.DeliveryBody([
            ("NE=123456789", BatteryModeParameters.MaximumSelfConsumption),
            ("NE=234567891", new BatteryModeParameters(true, SurplusPv.FeedToGrid, 10, [new("00:00", "02:00", true, [2, 3]), new("02:00", "04:00", false, [1, 2])])),
        ]);
        Same(ReferenceDocs.FusionSolar("5.2.3-battery-mode-request-example.json"), ours);
    }

    [Fact]
    public void Battery_parameter_body_equals_the_request_example_of_5_2_5()
    {
        var ours = ControlWire.DeliveryBody([
            ("NE=12345678", new BatteryLimitParameters(98, 18, 22, 48)),
            ("NE=23456789", new BatteryLimitParameters(null, 18, null, null)),
            ("NE=34567890", new BatteryLimitParameters(98, null, null, null)),
            ("NE=45678901", new BatteryLimitParameters(null, null, 22, 48)),
        ]);
        Same(ReferenceDocs.FusionSolar("5.2.5-battery-parameters-request-example.json"), ours);
    }

    [Fact]
    public void Feed_in_body_equals_the_request_example_of_5_2_7()
    {
        var ours = ControlWire.DeliveryBody([
            ("NE=123456789", new FeedInParameters(false, null, false)),
            ("NE=234567891", new FeedInParameters(true, 53, PerPhase: true)),
        ]);
        Same(ReferenceDocs.FusionSolar("5.2.7-feed-in-request-example.json"), ours);
    }

    [Fact]
    public void Practice_2_of_7_5_is_the_documented_manual_control_body()
    {
        var ours = ControlWire.DeliveryBody([("NE=123456789", ManualControl.Practice2Mode)]);
        // The example's allowedAcChargePower of 10 is "any valid value" (7.5); ours is 0 kW, valid for every controller and battery.
        var reference = JsonNode.Parse(ReferenceDocs.FusionSolar("7.5-practice-2-manual-control-request.json"))!;
        Assert.Equal(10, reference["tasks"]![0]!["allowedAcChargePower"]!.GetValue<double>());
        reference["tasks"]![0]!["allowedAcChargePower"] = 0;
        Same(reference.ToJsonString(), ours);
    }

    [Fact]
    public void Practice_2_is_recognised_in_the_stored_form_and_nothing_else_is()
    {
        var stored = JsonSerializer.Serialize<ControlParameters>(ManualControl.Practice2Mode, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.True(ManualControl.Is(stored));
        Assert.True(ManualControl.Is(new BatteryModeParameters(true, SurplusPv.FeedToGrid, 0, [new TouWindow("00:05", "00:06", true, [1])])));
        Assert.False(ManualControl.Is(new BatteryModeParameters(true, SurplusPv.FeedToGrid, 0, [new TouWindow("00:05", "00:07", true, [1])])));
        // The manual-control mode passes the rules of a plant with a small battery (its grid charge power is within every range).
        Assert.Empty(ControlRules.Check(ManualControl.Practice2Mode, Plant() with { MaxChargeW = 3000 }));
        Assert.False(ManualControl.Is(BatteryModeParameters.MaximumSelfConsumption));
    }

    [Fact]
    public void A_successful_battery_mode_delivery_of_5_2_3_example_5_gives_the_task_id_and_running_plants()
    {
        var answer = ControlWire.ParseDelivery(ControlKind.BatteryMode, JsonDocument.Parse(ReferenceDocs.FusionSolar("5.2.3-battery-mode-delivery-example-5-success.json")).RootElement);
        Assert.Equal((0, "2839011389499814"), (answer.FailCode, answer.TaskId));
        Assert.All(answer.Plants, p => Assert.Equal(PlantControlStatus.Running, p.Status));
        Assert.Equal(["NE=123456789", "NE=234567891"], answer.Plants.Select(p => p.PlantCode));
    }

    [Fact]
    public void A_partial_charge_discharge_delivery_keeps_the_exact_16_digit_request_id_and_each_plants_result()
    {
        // 5.2.1 example 3 (its nested envelope as printed) and example 4's requestID, which a double would round.
        var answer = ControlWire.ParseDelivery(ControlKind.ChargeDischarge, JsonDocument.Parse("""
            {"data": {"requestID": 9694030627470695, "result": [
              {"plantCode": "NE=12345678", "sn": null, "dispatchResult": 1, "subTaskId": null,
               "description": "PowerDispatch is illegal. The value should be greater than 0 during forced charge (dispatchSwitch = 1) and smaller than 0 during forced discharge (dispatchSwitch = 2)."},
              {"plantCode": "NE=23456789", "sn": "6fbfk11", "dispatchResult": 0, "subTaskId": "2004882110006589", "description": null}],
              "failCode": 1, "message": "The battery charge/discharge task is partially delivered successfully.", "success": true}}
            """).RootElement);
        Assert.Equal((1, "9694030627470695"), (answer.FailCode, answer.TaskId));
        Assert.Equal(PlantControlStatus.Rejected, answer.Plants[0].Status);
        Assert.StartsWith("PowerDispatch is illegal", answer.Plants[0].Message);
        Assert.Equal(PlantControlStatus.Running, answer.Plants[1].Status);
    }

    [Fact]
    public void Query_answers_of_5_2_2_5_2_4_and_5_2_6_read_as_success_and_timeout()
    {
        var success = ControlWire.ParseQuery(ControlKind.BatteryMode, JsonDocument.Parse(ReferenceDocs.FusionSolar("5.2.4-battery-mode-query-example-5-success.json")).RootElement);
        Assert.Equal(PlantControlStatus.Success, Assert.Single(success.Plants).Status);

        var timeout = ControlWire.ParseQuery(ControlKind.BatteryConfig, JsonDocument.Parse(ReferenceDocs.FusionSolar("5.2.6-battery-parameters-query-example-4-fail.json")).RootElement);
        Assert.Equal(PlantControlStatus.Timeout, Assert.Single(timeout.Plants).Status);

        var charged = ControlWire.ParseQuery(ControlKind.ChargeDischarge, JsonDocument.Parse("""
            {"success": true, "failCode": 0, "message": null, "data": [
              {"plantCode": "NE=12345678", "sn": "5fbfk4", "remoteID": "12345678", "status": 0, "chargedCapacity": 1000, "message": null,
               "execStartTime": "2020-02-06T00:00:10+08:00", "execEndTime": "2020-02-06T00:01:10+08:00"},
              {"plantCode": "NE=23456789", "sn": "6fbfk11", "remoteID": "23456789", "status": 1, "chargedCapacity": 2000, "message": null}]}
            """).RootElement);
        Assert.Equal((PlantControlStatus.Success, 1000.0), (charged.Plants[0].Status, charged.Plants[0].ChargedKwh!.Value));
        Assert.Equal(PlantControlStatus.Running, charged.Plants[1].Status);
    }

    public static TheoryData<string, ControlParameters, ControllerType, bool> Ranges => new()
    {
        { "duration 0", new ChargeDischargeParameters(ForcedAction.Charge, false, null, 0, null), ControllerType.Dongle, true },
        { "duration 1440", new ChargeDischargeParameters(ForcedAction.Charge, false, null, 1440, null), ControllerType.Dongle, true },
        { "duration 1441", new ChargeDischargeParameters(ForcedAction.Charge, false, null, 1441, null), ControllerType.Dongle, false },
        { "duration -1", new ChargeDischargeParameters(ForcedAction.Discharge, false, null, -1, null), ControllerType.Dongle, false },
        { "no duration", new ChargeDischargeParameters(ForcedAction.Charge, false, null, null, null), ControllerType.Dongle, false },
        { "target 80 charging from 50", new ChargeDischargeParameters(ForcedAction.Charge, true, 80, null, null), ControllerType.Dongle, true },
        { "target 101", new ChargeDischargeParameters(ForcedAction.Charge, true, 101, null, null), ControllerType.Dongle, false },
        { "target below SOC when charging", new ChargeDischargeParameters(ForcedAction.Charge, true, 40, null, null), ControllerType.Dongle, false },
        { "charge power positive", new ChargeDischargeParameters(ForcedAction.Charge, false, null, 60, 3000), ControllerType.Dongle, true },
        { "charge power negative", new ChargeDischargeParameters(ForcedAction.Charge, false, null, 60, -3000), ControllerType.Dongle, false },
        { "charge power zero", new ChargeDischargeParameters(ForcedAction.Charge, false, null, 60, 0), ControllerType.Dongle, false },
        { "discharge power negative", new ChargeDischargeParameters(ForcedAction.Discharge, false, null, 60, -3000), ControllerType.Dongle, true },
        { "discharge power positive", new ChargeDischargeParameters(ForcedAction.Discharge, false, null, 60, 3000), ControllerType.Dongle, false },
        { "charge power above max charge", new ChargeDischargeParameters(ForcedAction.Charge, false, null, 60, 5001), ControllerType.Dongle, false },
        { "discharge power beyond max discharge", new ChargeDischargeParameters(ForcedAction.Discharge, false, null, 60, -5001), ControllerType.Dongle, false },
        { "stop needs nothing else", new ChargeDischargeParameters(ForcedAction.Stop, false, null, null, null), ControllerType.Dongle, true },
        { "end of charge 90", new BatteryLimitParameters(90, null, null, null), ControllerType.Dongle, true },
        { "end of charge 89.9", new BatteryLimitParameters(89.9, null, null, null), ControllerType.Dongle, false },
        { "end of charge 100.1", new BatteryLimitParameters(100.1, null, null, null), ControllerType.Dongle, false },
        { "end of discharge 20", new BatteryLimitParameters(null, 20, null, null), ControllerType.Dongle, true },
        { "end of discharge 20.5", new BatteryLimitParameters(null, 20.5, null, null), ControllerType.Dongle, false },
        { "end of discharge -1", new BatteryLimitParameters(null, -1, null, null), ControllerType.Dongle, false },
        { "max charge power only", new BatteryLimitParameters(null, null, 2500, null), ControllerType.Dongle, true },
        { "negative max discharge power", new BatteryLimitParameters(null, null, null, -1), ControllerType.Dongle, false },
        { "none of the four", new BatteryLimitParameters(null, null, null, null), ControllerType.Dongle, false },
        { "feed-in 5000 kW via Dongle", new FeedInParameters(true, 5000, false), ControllerType.Dongle, true },
        { "feed-in 5001 kW via Dongle", new FeedInParameters(true, 5001, false), ControllerType.Dongle, false },
        { "feed-in -1000 kW", new FeedInParameters(true, -1000, false), ControllerType.SmartLogger, true },
        { "feed-in -1001 kW", new FeedInParameters(true, -1001, false), ControllerType.SmartLogger, false },
        { "feed-in 50000 kW via distributed SmartLogger", new FeedInParameters(true, 50000, false), ControllerType.DistributedSmartLogger, true },
        { "feed-in 10 kW via EMMA (rated 10)", new FeedInParameters(true, 10, false), ControllerType.Emma, true },
        { "feed-in 10.5 kW via EMMA (rated 10)", new FeedInParameters(true, 10.5, false), ControllerType.Emma, false },
        { "limited without a value", new FeedInParameters(true, null, false), ControllerType.Dongle, false },
        { "unlimited", new FeedInParameters(false, null, false), ControllerType.Dongle, true },
        { "grid charge 30 kW via Dongle", Tou(30), ControllerType.Dongle, true },
        { "grid charge 30.1 kW via Dongle", Tou(30.1), ControllerType.Dongle, false },
        { "grid charge 50 kW via EMMA", Tou(50), ControllerType.Emma, true },
        { "grid charge 50.1 kW via EMMA", Tou(50.1), ControllerType.Emma, false },
        { "grid charge 50000 kW via SmartLogger", Tou(50000), ControllerType.SmartLogger, true },
        { "grid charge -1 kW", Tou(-1), ControllerType.Dongle, false },
        { "maximum self-consumption", BatteryModeParameters.MaximumSelfConsumption, ControllerType.Dongle, true },
    };

    private static BatteryModeParameters Tou(double kw, params TouWindow[] windows) =>
        new(true, SurplusPv.FeedToGrid, kw, windows.Length > 0 ? windows : [new("01:00", "05:00", true, [1, 2, 3, 4, 5])]);

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Every_documented_range_is_checked_before_sending(string what, ControlParameters parameters, ControllerType controller, bool valid)
    {
        // The documented ranges, on a plant that reports no limits of its own (an EMMA's bound is its inverters' rating).
        var silent = Plant(controller) with { MaxChargeW = null, InverterRatedKw = controller == ControllerType.Emma ? 10 : null };
        var problems = ControlRules.Check(parameters, parameters is FeedInParameters or BatteryModeParameters ? silent : Plant(controller));
        Assert.True(valid == (problems.Count == 0), $"{what}: {string.Join(" | ", problems)}");
    }

    [Theory]
    [InlineData("00:00", "02:00", "02:00", "04:00", false)]   // touching is not overlapping
    [InlineData("00:00", "02:00", "01:59", "04:00", true)]
    [InlineData("22:00", "23:59", "23:00", "23:30", true)]
    public void Windows_on_the_same_day_must_not_overlap(string s1, string e1, string s2, string e2, bool overlap)
    {
        var problems = ControlRules.WindowProblems([new(s1, e1, true, [1, 3]), new(s2, e2, false, [3, 5])]);
        Assert.Equal(overlap, problems.Any(p => p.Contains("overlap on Wed")));
        Assert.Empty(ControlRules.WindowProblems([new(s1, e1, true, [1]), new(s2, e2, false, [2])])); // other days: fine
    }

    [Theory]
    [InlineData("24:00", "01:00")]
    [InlineData("7:00", "08:00")]
    [InlineData("08:00", "07:00")]
    [InlineData("08:00", "08:00")]
    public void Window_times_are_HH_MM_and_end_after_start(string start, string end) =>
        Assert.NotEmpty(ControlRules.WindowProblems([new(start, end, true, [1])]));

    [Fact]
    public void At_most_fourteen_windows_and_each_needs_days()
    {
        var fifteen = Enumerable.Range(0, 15).Select(i => new TouWindow($"{i:00}:00", $"{i:00}:30", true, [1])).ToArray();
        Assert.Contains(ControlRules.Check(Tou(5, fifteen), Plant()), p => p.Contains("at most 14"));
        Assert.Empty(ControlRules.Check(Tou(5, fifteen[..14]), Plant()));
        Assert.NotEmpty(ControlRules.WindowProblems([new("01:00", "02:00", true, [])]));
        Assert.NotEmpty(ControlRules.WindowProblems([new("01:00", "02:00", true, [8])]));
    }

    [Fact]
    public void Plant_maxima_are_100_for_charge_discharge_and_10_for_the_others()
    {
        Assert.Equal(100, ControlRules.MaxPlants(ControlKind.ChargeDischarge));
        Assert.All(new[] { ControlKind.BatteryMode, ControlKind.BatteryConfig, ControlKind.ActivePower }, k => Assert.Equal(10, ControlRules.MaxPlants(k)));
    }

    [Fact]
    public void Lg_batteries_refuse_soc_control_working_mode_and_parameters()
    {
        var lg = Plant(lg: true);
        Assert.NotEmpty(ControlRules.Check(new ChargeDischargeParameters(ForcedAction.Charge, true, 80, null, null), lg));
        Assert.Empty(ControlRules.Check(new ChargeDischargeParameters(ForcedAction.Charge, false, null, 60, null), lg));
        Assert.NotEmpty(ControlRules.Check(BatteryModeParameters.MaximumSelfConsumption, lg));
        Assert.NotEmpty(ControlRules.Check(new BatteryLimitParameters(95, null, null, null), lg));
    }

    [Fact]
    public void The_plant_must_be_reachable_controllable_and_free()
    {
        var stop = new ChargeDischargeParameters(ForcedAction.Stop, false, null, null, null);
        Assert.Contains(ControlRules.Check(stop, Plant(online: false)), p => p.Contains("offline"));
        Assert.Contains(ControlRules.Check(stop, Plant(allows: false)), p => p.Contains("no consent"));
        Assert.Contains(ControlRules.Check(stop, Plant(running: 7)), p => p.Contains("task #7 is still running"));
        Assert.Contains(ControlRules.Check(stop, Plant(battery: false)), p => p.Contains("no battery"));
        Assert.Empty(ControlRules.Check(new FeedInParameters(false, null, false), Plant(battery: false)));
    }

    [Fact]
    public void Checks_follow_the_three_minute_marks_back_off_and_meet_the_end_of_a_timed_charge()
    {
        var delivered = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        var task = new ControlTaskRecord { Kind = ControlKind.ChargeDischarge, RequestKey = "k", Summary = "s", SubmittedByName = "o", DeliveredAt = delivered };
        var plant = new ControlTaskPlant { PlantName = "p", PlantCode = "NE=1", Active = true,
            ParametersJson = JsonSerializer.Serialize<ControlParameters>(new ChargeDischargeParameters(ForcedAction.Charge, false, null, 30, null), new JsonSerializerOptions(JsonSerializerDefaults.Web)) };
        Assert.Equal(delivered.AddMinutes(3).AddSeconds(20), ControlTracker.NextCheck(task, [plant], delivered, FusionSolarControl.Schedule));
        task.Checks = 4;
        // 24 minutes later by the back-off, but the 30-minute charge ends at 10:30: check at the 10:33 mark instead.
        Assert.Equal(delivered.AddMinutes(33).AddSeconds(20), ControlTracker.NextCheck(task, [plant], delivered.AddMinutes(12), FusionSolarControl.Schedule));
        task.Checks = 20;
        Assert.Equal(delivered.AddMinutes(60 + 60).AddSeconds(20), ControlTracker.NextCheck(task, [plant], delivered.AddMinutes(59), FusionSolarControl.Schedule));
    }
}
