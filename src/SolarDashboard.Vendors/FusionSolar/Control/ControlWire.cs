using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Wire;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>The request bodies and answers of reference 5.2, field by field as documented.</summary>
public static class ControlWire
{
    public static (string Api, string Path) DeliveryApi(ControlKind kind) => kind switch
    {
        ControlKind.ChargeDischarge => ("control/charge-and-discharge", "rest/openapi/pvms/nbi/v2/control/charge-and-discharge/async-task"),
        ControlKind.BatteryMode => ("control/battery-mode", "rest/openapi/pvms/nbi/v1/control/battery/mode/async-task"),
        ControlKind.BatteryConfig => ("control/battery-configuration", "rest/openapi/pvms/nbi/v1/control/battery/configuration/async-task"),
        _ => ("control/active-power", "rest/openapi/pvms/nbi/v2/control/active-power-control/async-task"),
    };

    public static (string Api, string Path) QueryApi(ControlKind kind) => kind switch
    {
        ControlKind.ChargeDischarge => ("control/charge-and-discharge-status", "rest/openapi/pvms/v1/vpp/chargeAndDischargeStatus"),
        ControlKind.BatteryMode => ("control/battery-mode-task-info", "rest/openapi/pvms/nbi/v1/control/battery/mode/task-info"),
        ControlKind.BatteryConfig => ("control/battery-configuration-task-info", "rest/openapi/pvms/nbi/v1/control/battery/configuration/task-info"),
        _ => ("control/active-power-task-info", "rest/openapi/pvms/nbi/v2/control/active-power-control/task-info"),
    };

    public static JsonObject DeliveryBody(IEnumerable<(string PlantCode, ControlParameters Parameters)> plants) =>
        new() { ["tasks"] = new JsonArray(plants.Select(p => (JsonNode)Task(p.PlantCode, p.Parameters)).ToArray()) };

    public static JsonObject QueryBody(ControlKind kind, string taskId) => kind == ControlKind.ChargeDischarge
        ? new JsonObject { ["requestID"] = long.Parse(taskId, CultureInfo.InvariantCulture) }
        : new JsonObject { ["taskId"] = taskId };

    /// <summary>One entry of "tasks" in the vendor's names and types.</summary>
    public static JsonObject Task(string plantCode, ControlParameters parameters)
    {
        var task = new JsonObject { ["plantCode"] = plantCode };
        switch (parameters)
        {
            case ChargeDischargeParameters c:
                task["dispatchSwitch"] = (int)c.Action;
                if (c.Action != ForcedAction.Stop)
                {
                    task["controlType"] = c.SocControl ? 1 : 2;
                    if (c.SocControl) task["targetSOC"] = c.TargetSoc;
                    else task["dispatchTime"] = c.Minutes;
                    if (c.PowerW is { } w) task["powerDispatch"] = w;
                }
                break;
            case BatteryModeParameters m:
                task["operationMode"] = m.Tou ? "TOU" : "maximumSelfConsumption";
                if (m.Tou)
                {
                    task["redundantPVEnergyPriority"] = m.SurplusPriority == SurplusPv.Charge ? "chargePreference" : "fedToGridPreference";
                    task["allowedAcChargePower"] = m.MaxGridChargeKw;
                    task["chargingAndDischargingTimeWindow"] = new JsonArray(m.Windows.Select(w => (JsonNode)new JsonObject
                    {
                        ["startTime"] = w.Start, ["endTime"] = w.End, ["chargeOrDischarge"] = w.Charge ? "charge" : "discharge",
                        ["repeat"] = new JsonArray(w.Days.Order().Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
                    }).ToArray());
                }
                break;
            case BatteryLimitParameters l:
                var info = new JsonObject();
                if (l.EndOfChargeSoc is { } eoc) info["endOfChargeSoc"] = eoc;
                if (l.EndOfDischargeSoc is { } eod) info["endOfDischargeSoc"] = eod;
                if (l.MaxChargeW is { } mc) info["maximumChargePower"] = mc;
                if (l.MaxDischargeW is { } md) info["maximumDischargePower"] = md;
                task["batteryConfigurationInfo"] = info;
                break;
            case FeedInParameters f:
                task["controlMode"] = f.Limited ? "6" : "0";
                if (f.Limited) task["controlInfo"] = new JsonObject { ["maxGridFeedInPower"] = f.MaxFeedInKw, ["limitationMode"] = f.PerPhase ? "1" : "0" };
                break;
        }
        return task;
    }

    /// <summary>A delivery answer (5.2.1 dispatchResult 0/1 with requestID; 5.2.3/5/7 RUNNING/FAIL with taskId).</summary>
    public static ControlAnswer ParseDelivery(ControlKind kind, JsonElement root)
    {
        var failCode = (int)(KpiValue.Number(KpiValue.Get(root, "failCode")) ?? -1);
        var message = KpiValue.Text(KpiValue.Get(root, "message")) ?? FrameworkError(root);
        var data = KpiValue.Get(root, "data");
        // One documented example nests failCode, message and success inside data (5.2.1, example 3).
        if (failCode == -1 && KpiValue.Number(KpiValue.Get(data, "failCode")) is { } inner) { failCode = (int)inner; message ??= KpiValue.Text(KpiValue.Get(data, "message")); }
        var id = RawId(KpiValue.Get(data, kind == ControlKind.ChargeDischarge ? "requestID" : "taskId"));
        var plants = Items(KpiValue.Get(data, "result")).Select(r =>
        {
            var code = KpiValue.Text(KpiValue.Get(r, "plantCode")) ?? "";
            if (kind == ControlKind.ChargeDischarge)
            {
                var ok = KpiValue.Number(KpiValue.Get(r, "dispatchResult")) == 0;
                return new PlantAnswer(code, ok ? PlantControlStatus.Running : PlantControlStatus.Rejected, KpiValue.Text(KpiValue.Get(r, "description")));
            }
            var status = KpiValue.Text(KpiValue.Get(r, "status"));
            return new PlantAnswer(code, status == "RUNNING" ? PlantControlStatus.Running : PlantControlStatus.Rejected, KpiValue.Text(KpiValue.Get(r, "message")));
        }).ToList();
        return new ControlAnswer(failCode, message, id, plants, root.GetRawText());
    }

    /// <summary>A query answer (5.2.2 status 0/1/2 with energies; 5.2.4/6/8 RUNNING/SUCCESS/FAIL in dispatchResult).</summary>
    public static ControlAnswer ParseQuery(ControlKind kind, JsonElement root)
    {
        var failCode = (int)(KpiValue.Number(KpiValue.Get(root, "failCode")) ?? -1);
        var message = KpiValue.Text(KpiValue.Get(root, "message")) ?? FrameworkError(root);
        var data = KpiValue.Get(root, "data");
        IEnumerable<PlantAnswer> plants;
        if (kind == ControlKind.ChargeDischarge)
        {
            plants = Items(data).Select(r =>
            {
                var note = KpiValue.Text(KpiValue.Get(r, "message"));
                var status = KpiValue.Number(KpiValue.Get(r, "status")) switch
                {
                    0 => PlantControlStatus.Success,
                    1 => PlantControlStatus.Running,
                    // 2 is "timeout or failure": the message tells which.
                    _ => note?.Contains("TIMEOUT", StringComparison.OrdinalIgnoreCase) == true ? PlantControlStatus.Timeout : PlantControlStatus.Fail,
                };
                return new PlantAnswer(KpiValue.Text(KpiValue.Get(r, "plantCode")) ?? "", status, note,
                    KpiValue.Number(KpiValue.Get(r, "chargedCapacity")), KpiValue.Number(KpiValue.Get(r, "dischargedCapacity")));
            });
        }
        else
        {
            plants = Items(KpiValue.Get(data, "dispatchResult")).Where(r => KpiValue.Get(r, "plantCode").ValueKind == JsonValueKind.String).Select(r =>
            {
                var note = KpiValue.Text(KpiValue.Get(r, "message"));
                var status = KpiValue.Text(KpiValue.Get(r, "status")) switch
                {
                    "SUCCESS" => PlantControlStatus.Success,
                    "RUNNING" => PlantControlStatus.Running,
                    _ => note == "TIMEOUT" ? PlantControlStatus.Timeout : PlantControlStatus.Fail,
                };
                return new PlantAnswer(KpiValue.Text(KpiValue.Get(r, "plantCode"))!, status, note);
            });
        }
        return new ControlAnswer(failCode, message, null, plants.ToList(), root.GetRawText());
    }

    /// <summary>Task ids are 16 digits: read them as written, never through a double (which would round them).</summary>
    private static string? RawId(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.String when !string.IsNullOrWhiteSpace(e.GetString()) => e.GetString(),
        _ => null,
    };

    /// <summary>The framework's parameter error shape (5.2.3 example 3): exceptionId with detailArgs.</summary>
    private static string? FrameworkError(JsonElement root) =>
        KpiValue.Get(root, "exceptionId").ValueKind == JsonValueKind.String
            ? string.Join("; ", Items(KpiValue.Get(root, "detailArgs"), allowStrings: true).Select(d => d.ToString()).DefaultIfEmpty(KpiValue.Text(KpiValue.Get(root, "exceptionId"))!))
            : null;

    private static IEnumerable<JsonElement> Items(JsonElement array, bool allowStrings = false) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object || (allowStrings && e.ValueKind == JsonValueKind.String)) : [];
}
