using System.Globalization;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>The control APIs of reference 5.2 (OAuth Connect with the control scope only).</summary>
public static class ControlApi
{
    private const string Base = "/rest/openapi/pvms";

    public static void Map(RouteGroupBuilder nbi)
    {
        BasicApi.Post(nbi, $"{Base}/nbi/v2/control/charge-and-discharge/async-task", NbiApi.ChargeDischargeTask, DeliverChargeDischarge);
        BasicApi.Post(nbi, $"{Base}/v1/vpp/chargeAndDischargeStatus", NbiApi.ChargeDischargeStatus, ChargeDischargeStatus);
        BasicApi.Post(nbi, $"{Base}/nbi/v1/control/battery/mode/async-task", NbiApi.BatteryModeTask, c => DeliverSettings(c, TaskKind.BatteryMode));
        BasicApi.Post(nbi, $"{Base}/nbi/v1/control/battery/mode/task-info", NbiApi.BatteryModeTaskInfo, c => TaskInfo(c, TaskKind.BatteryMode));
        BasicApi.Post(nbi, $"{Base}/nbi/v1/control/battery/configuration/async-task", NbiApi.BatteryConfigTask, c => DeliverSettings(c, TaskKind.BatteryConfig));
        BasicApi.Post(nbi, $"{Base}/nbi/v1/control/battery/configuration/task-info", NbiApi.BatteryConfigTaskInfo, c => TaskInfo(c, TaskKind.BatteryConfig));
        BasicApi.Post(nbi, $"{Base}/nbi/v2/control/active-power-control/async-task", NbiApi.ActivePowerTask, c => DeliverSettings(c, TaskKind.ActivePower));
        BasicApi.Post(nbi, $"{Base}/nbi/v2/control/active-power-control/task-info", NbiApi.ActivePowerTaskInfo, c => TaskInfo(c, TaskKind.ActivePower));
        // Replaced by the v2 charge-and-discharge async task (replaced-APIs table, 8.7); its status query above stays current.
        BasicApi.Offline(nbi, $"{Base}/v1/vpp/chargeAndDischarge");
    }

    private const string Running = "The same task is being executed in the current plant.";
    private const string Offline = "The plant networking is abnormal.";

    // ---------- 5.2.1 / 5.2.2 forced charge and discharge ----------

    private static IResult DeliverChargeDischarge(NbiCall call)
    {
        var tasks = call.Request.Node("tasks") as JsonArray;
        if (tasks is null || tasks.Count == 0) return Envelope(false, 2, "Battery charge and discharge task list is empty.", null);
        if (tasks.Count > 100) return Envelope(false, 2, "A maximum of 100 plants can be delivered at a time.", null);
        var entries = tasks.Select(t => t as JsonObject ?? []).ToList();
        var codes = entries.Select(e => e["plantCode"]?.ToString() ?? "").ToList();
        if (codes.Distinct().Count() != codes.Count) return Envelope(false, 20608, NbiResults.Messages[20608], null);
        if (codes.Any(c => !call.Caller.PlantCodes.Contains(c))) return Envelope(false, 20045, NbiResults.Messages[20045], null);

        var tasksService = Tasks(call);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(call.Now);
        lock (tasksService.DeliveryGate)
        {
            var id = tasksService.NewId();
            var results = new JsonArray();
            var accepted = new List<PlantTask>();
            var failures = new List<string>();
            var n = 0;
            foreach (var entry in entries)
            {
                var plant = call.World.Fleet.PlantsByCode[entry["plantCode"]!.ToString()];
                var inverter = call.World.Fleet.DevicesByPlant[plant.Code].First(d => DevType.IsInverter(d.TypeId));
                var error = ValidateChargeDischarge(entry, plant, out var sw, out var controlType, out var target, out var minutes, out var powerW)
                    ?? (!plant.ControllerOnline ? Offline : null)
                    ?? (tasksService.IsRunning(TaskKind.ChargeDischarge, plant.Code, now) ? Running : null);
                if (error is not null)
                {
                    failures.Add(error);
                    results.Add(new JsonObject { ["plantCode"] = plant.Code, ["sn"] = null, ["dispatchResult"] = 1, ["subTaskId"] = null, ["description"] = error });
                    continue;
                }
                var subTaskId = $"{id[..12]}{n++:D4}";
                var hang = tasksService.IsHanging(plant.Code);
                ForcedCommand? forced = null;
                var simulator = call.World.Simulator(plant);
                if (sw == 0)
                {
                    simulator.Schedule(now, s => s with { Forced = null });
                }
                else if (!hang)
                {
                    var spec = plant.Battery!;
                    double? kw = powerW is { } w ? Math.Clamp(Math.Abs(w) / 1000.0, 0, sw == 1 ? spec.MaxChargeKw : spec.MaxDischargeKw) : null;
                    forced = new ForcedCommand(ForcedId(id, n), sw, controlType, target, minutes, kw, PlantSimulator.CeilStep(now));
                    var commandId = forced.Id;
                    var command = forced;
                    simulator.Schedule(now, s => s with { Forced = command });
                    simulator.Schedule(now + ControlTasks.Timeout, s => s.Forced?.Id == commandId ? s with { Forced = null } : s);
                }
                accepted.Add(new PlantTask
                {
                    PlantCode = plant.Code, Parameters = (JsonObject)entry.DeepClone(), SubTaskId = subTaskId, Sn = inverter.Esn,
                    Forced = forced, DispatchSwitch = sw, ChecksToComplete = sw == 0 ? 1 : null,
                });
                results.Add(new JsonObject { ["plantCode"] = plant.Code, ["sn"] = inverter.Esn, ["dispatchResult"] = 0, ["subTaskId"] = subTaskId, ["description"] = null });
            }

            if (accepted.Count == 0)
            {
                var code = failures.All(f => f == Running) ? 20615 : 2;
                return Envelope(false, code, code == 20615 ? Running : "Failed to deliver the battery charge/discharge task.",
                    new JsonObject { ["requestID"] = null, ["result"] = results });
            }
            tasksService.Add(new ControlTask { Id = id, Kind = TaskKind.ChargeDischarge, Owner = call.Caller.Key, Received = now, Plants = accepted });
            var partial = accepted.Count < entries.Count;
            return Envelope(true, partial ? 1 : 0,
                partial ? "The battery charge/discharge task is partially delivered successfully." : "The battery charge/discharge task is delivered successfully.",
                new JsonObject { ["requestID"] = long.Parse(id, CultureInfo.InvariantCulture), ["result"] = results });
        }
    }

    private static int ForcedId(string taskId, int n) => (int)(long.Parse(taskId[^9..], CultureInfo.InvariantCulture) % 100_000_000) * 10 + n;

    private static string? ValidateChargeDischarge(JsonObject e, SimPlant plant, out int sw, out int controlType, out double? target, out int? minutes, out double? powerW)
    {
        sw = -1; controlType = 0; target = null; minutes = null; powerW = null;
        if (!Int(e["dispatchSwitch"], out var s) || s is not (0 or 1 or 2)) return "DispatchSwitch is illegal, valid value: 0 or 1 or 2";
        sw = s;
        if (sw == 0) return null;
        if (e["controlType"] is null) return "The control type cannot be empty for forced charge and discharge.";
        if (!Int(e["controlType"], out controlType) || controlType is not (1 or 2)) return "ControlType is illegal, valid value: 1 or 2";
        if (controlType == 1)
        {
            if (plant.Battery!.IsLg) return "The LG battery does not support SOC control.";
            if (!NbiRequest.TryDouble(e["targetSOC"], out target) || target is not (>= 0 and <= 100)) return "The target SOC for charge/discharge is empty or invalid.";
        }
        else
        {
            if (!Int(e["dispatchTime"], out var m) || m is < 0 or > 1440) return "The charge/discharge duration is empty or invalid.";
            minutes = m;
        }
        if (e["powerDispatch"] is not null)
        {
            if (!NbiRequest.TryDouble(e["powerDispatch"], out powerW) || (sw == 1 && powerW <= 0) || (sw == 2 && powerW >= 0))
                return "PowerDispatch is illegal. The value should be greater than 0 during forced charge (dispatchSwitch = 1) and smaller than 0 during forced discharge (dispatchSwitch = 2).";
        }
        return null;
    }

    private static IResult ChargeDischargeStatus(NbiCall call)
    {
        if (!call.Request.TryLong("requestID", out var requestId) || requestId is null) return Envelope(false, 20044, NbiResults.Messages[20044], null);
        var tasks = Tasks(call);
        var task = tasks.Find(requestId.Value.ToString(CultureInfo.InvariantCulture), call.Caller.Key);
        if (task is null || task.Kind != TaskKind.ChargeDischarge) return Envelope(false, 20050, NbiResults.Messages[20050], null);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(call.Now);
        var list = new JsonArray();
        foreach (var p in task.Plants)
        {
            var view = tasks.View(task, p, now);
            var plant = call.World.Fleet.PlantsByCode[p.PlantCode];
            list.Add(new JsonObject
            {
                ["plantCode"] = p.PlantCode,
                ["sn"] = p.Sn,
                ["remoteID"] = p.SubTaskId,
                ["status"] = view.Status switch { PlantTaskStatus.Success => 0, PlantTaskStatus.Running => 1, _ => 2 },
                ["chargedCapacity"] = p.DispatchSwitch == 1 ? view.Kwh : null,
                ["dischargedCapacity"] = p.DispatchSwitch == 2 ? view.Kwh : null,
                ["execStartTime"] = Wire.Time(task.Received, plant),
                ["execEndTime"] = view.End is { } end ? Wire.Time(end, plant) : null,
                ["message"] = view.Message,
            });
        }
        return Envelope(true, 0, null, list);
    }

    // ---------- 5.2.3–5.2.8 settings tasks ----------

    private static IResult DeliverSettings(NbiCall call, TaskKind kind)
    {
        var tasks = call.Request.Node("tasks") as JsonArray;
        if (tasks is null || tasks.Count is < 1 or > 10) return NbiResults.ParamError("tasks", "tasks size must be between 1 and 10");
        var entries = tasks.Select(t => t as JsonObject ?? []).ToList();
        var codes = entries.Select(e => e["plantCode"]?.ToString() ?? "").ToList();
        var foreign = codes.Where(c => !call.Caller.PlantCodes.Contains(c)).ToList();
        // The whole task fails, naming the plants without permission, each API in its own words (5.2.3, 5.2.5, 5.2.7 example 1).
        if (foreign.Count > 0)
            return Envelope(false, 2, $"Exist no permission {(kind == TaskKind.BatteryConfig ? "plants," : "resources.")} plantCodes: [{string.Join(", ", foreign)}]", null);
        if (codes.Distinct().Count() != codes.Count) return Envelope(false, 20608, NbiResults.Messages[20608], null);

        var service = Tasks(call);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(call.Now);
        var (noun, failText) = kind switch
        {
            TaskKind.BatteryMode => ("battery mode task", "Failed to deliver the battery mode control task."),
            TaskKind.BatteryConfig => ("battery configuration task", "Failed to deliver the battery configuration task."),
            _ => ("active power control task", "Failed to deliver the active power control task."),
        };
        lock (service.DeliveryGate)
        {
            var id = service.NewId();
            var results = new JsonArray();
            var accepted = new List<PlantTask>();
            var failures = new List<string>();
            foreach (var entry in entries)
            {
                var plant = call.World.Fleet.PlantsByCode[entry["plantCode"]!.ToString()];
                var simulator = call.World.Simulator(plant);
                Func<ControlState, ControlState>? change = null;
                var error = kind switch
                {
                    TaskKind.BatteryMode => SettingsValidation.BatteryMode(entry, plant, out change),
                    TaskKind.BatteryConfig => SettingsValidation.BatteryConfig(entry, plant, out change),
                    _ => SettingsValidation.ActivePower(entry, plant, call.World.Fleet, out change),
                } ?? (!plant.ControllerOnline ? Offline : null)
                  ?? (service.IsRunning(kind, plant.Code, now) ? Running : null);
                if (error is null && change is not null)
                {
                    var current = simulator.LatestScheduledState();
                    if (change(current) == current || SameSettings(kind, change(current), current)) error = "The configured value is the same as the current value.";
                }
                if (error is not null)
                {
                    failures.Add(error);
                    results.Add(new JsonObject { ["plantCode"] = plant.Code, ["status"] = "FAIL", ["message"] = error });
                    continue;
                }
                var checks = service.IsHanging(plant.Code) ? (int?)null : service.ChecksToComplete(plant.Code, long.Parse(id, CultureInfo.InvariantCulture));
                if (checks is { } c) simulator.Schedule(now + ControlTasks.CheckInterval * c, change!);
                accepted.Add(new PlantTask { PlantCode = plant.Code, Parameters = (JsonObject)entry.DeepClone(), SubTaskId = id, ChecksToComplete = checks });
                results.Add(new JsonObject { ["plantCode"] = plant.Code, ["status"] = "RUNNING", ["message"] = null });
            }
            if (accepted.Count == 0)
            {
                var code = failures.All(f => f == Running) ? 20615 : 2;
                return Envelope(false, code, code == 20615 ? Running : failText, new JsonObject { ["taskId"] = null, ["result"] = results });
            }
            service.Add(new ControlTask { Id = id, Kind = kind, Owner = call.Caller.Key, Received = now, Plants = accepted });
            var partial = accepted.Count < entries.Count;
            return Envelope(true, partial ? 1 : 0, partial ? $"The {noun} is partially delivered successfully." : $"The {noun} is delivered successfully.",
                new JsonObject { ["taskId"] = id, ["result"] = results });
        }
    }

    private static bool SameSettings(TaskKind kind, ControlState a, ControlState b) => kind switch
    {
        TaskKind.BatteryMode => a.Mode.OperationMode == b.Mode.OperationMode && a.Mode.SurplusPvPriority == b.Mode.SurplusPvPriority
            && a.Mode.AllowedAcChargeKw == b.Mode.AllowedAcChargeKw && a.Mode.Windows.SequenceEqual(b.Mode.Windows, WindowComparer.Instance)
            && b.Mode.SetRemotely,
        TaskKind.BatteryConfig => a.Limits == b.Limits,
        _ => a.FeedIn == b.FeedIn,
    };

    private static IResult TaskInfo(NbiCall call, TaskKind kind)
    {
        var taskId = call.Request.String("taskId");
        if (string.IsNullOrEmpty(taskId)) return NbiResults.ParamError("taskId", "taskId may not be null");
        var service = Tasks(call);
        var task = service.Find(taskId, call.Caller.Key);
        if (task is null || task.Kind != kind) return Envelope(false, 20620, NbiResults.Messages[20620], null);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(call.Now);
        var views = task.Plants.Select(p => service.View(task, p, now)).ToList();
        var first = call.World.Fleet.PlantsByCode[task.Plants[0].PlantCode];
        var dispatch = new JsonArray();
        foreach (var v in views)
        {
            var item = new JsonObject
            {
                ["plantCode"] = v.Task.PlantCode,
                ["status"] = v.Status.ToString().ToUpperInvariant(),
                ["message"] = v.Message,
            };
            foreach (var (key, value) in v.Task.Parameters)
                if (key != "plantCode") item[key] = value?.DeepClone();
            dispatch.Add(item);
        }
        var done = views.All(v => v.Status != PlantTaskStatus.Running);
        var noun = kind switch { TaskKind.BatteryMode => "battery mode task", TaskKind.BatteryConfig => "battery configuration task", _ => "active power control task" };
        return Envelope(true, 0, $"The {noun} status queried successfully.", new JsonObject
        {
            ["dispatchResult"] = dispatch,
            ["startTime"] = Wire.Time(task.Received, first),
            ["endTime"] = done ? Wire.Time(views.Max(v => v.End ?? task.Received), first) : null,
        });
    }

    private static ControlTasks Tasks(NbiCall call) => call.World.Tasks;

    private static IResult Envelope(bool success, int failCode, string? message, JsonNode? data) =>
        NbiResults.Json(new JsonObject { ["failCode"] = failCode, ["success"] = success, ["message"] = message, ["data"] = data });

    internal static bool Int(JsonNode? node, out int value)
    {
        value = 0;
        if (!NbiRequest.TryDouble(node, out var d) || d is null || Math.Abs(d.Value % 1) > 1e-9) return false;
        value = (int)d.Value;
        return true;
    }

    private sealed class WindowComparer : IEqualityComparer<TouWindow>
    {
        public static readonly WindowComparer Instance = new();
        public bool Equals(TouWindow? x, TouWindow? y) => x is not null && y is not null && x.Start == y.Start && x.End == y.End && x.Charge == y.Charge && x.Days.SequenceEqual(y.Days);
        public int GetHashCode(TouWindow obj) => HashCode.Combine(obj.Start, obj.End, obj.Charge);
    }
}
