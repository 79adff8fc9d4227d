using System.Globalization;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// Per-plant checks of the settings tasks (reference 5.2.3, 5.2.5, 5.2.7). Each returns the vendor's failure text, or
/// null and the change the task makes to the plant once it succeeds.
/// </summary>
public static class SettingsValidation
{
    private static string Range(string name, string range) => $"The input parameter is out of the valid range, {name} in: {range}";
    private const string Empty = "The value of an input parameter is empty.";

    public static string? BatteryMode(JsonObject e, SimPlant plant, out Func<ControlState, ControlState>? change)
    {
        change = null;
        var mode = e["operationMode"]?.ToString();
        if (mode is not (WorkingMode.MaxSelfConsumption or WorkingMode.Tou)) return Range("operationMode", "[maximumSelfConsumption, TOU]");
        if (plant.Battery!.IsLg) return "The battery working mode cannot be set for LG batteries.";
        if (mode == WorkingMode.MaxSelfConsumption)
        {
            change = s => s with { Mode = WorkingMode.Default with { SetRemotely = true } };
            return null;
        }

        var priority = e["redundantPVEnergyPriority"]?.ToString();
        if (priority is not (null or "fedToGridPreference" or "chargePreference")) return Range("redundantPVEnergyPriority", "[fedToGridPreference, chargePreference]");
        double? acKw = null;
        if (e["allowedAcChargePower"] is not null)
        {
            var max = plant.Controller switch
            {
                ControllerKind.Dongle => 30.0,
                ControllerKind.Emma => 50.0,
                ControllerKind.SmartLogger or ControllerKind.DistributedSmartLogger => 50000.0,
                _ => plant.Battery.MaxChargeKw,
            };
            if (!NbiRequest.TryDouble(e["allowedAcChargePower"], out acKw) || acKw is null || acKw < 0 || acKw > max)
                return Range("allowedAcChargePower", $"[0.000, {max.ToString("0.000", CultureInfo.InvariantCulture)}]");
        }
        if (e["chargingAndDischargingTimeWindow"] is not JsonArray windows || windows.Count == 0)
            return "The chargingAndDischargingTimeWindow parameter must be set when operationMode is TOU.";
        if (windows.Count > 14) return Range("chargingAndDischargingTimeWindow size", "[1, 14]");
        var parsed = new List<TouWindow>();
        foreach (var node in windows)
        {
            if (node is not JsonObject w) return Empty;
            if (!TryTime(w["startTime"], out var start) || !TryTime(w["endTime"], out var end)) return Range("startTime/endTime", "[00:00, 23:59]");
            if (start >= end) return "The startTime must be earlier than the endTime.";
            var direction = w["chargeOrDischarge"]?.ToString();
            if (direction is not ("charge" or "discharge")) return Range("chargeOrDischarge", "[charge, discharge]");
            if (w["repeat"] is not JsonArray repeat || repeat.Count is 0 or > 7) return Range("repeat", "[1, 7]");
            var days = new List<int>();
            foreach (var d in repeat)
            {
                if (!ControlApi.Int(d, out var day) || day is < 1 or > 7) return Range("repeat", "[1, 7]");
                if (!days.Contains(day)) days.Add(day);
            }
            parsed.Add(new TouWindow(start, end, direction == "charge", days));
        }
        for (var i = 0; i < parsed.Count; i++)
            for (var j = i + 1; j < parsed.Count; j++)
                if (parsed[i].Days.Intersect(parsed[j].Days).Any() && parsed[i].Start < parsed[j].End && parsed[j].Start < parsed[i].End)
                    return "The startTime and endTime of multiple days overlap.";
        var modeValue = new WorkingMode(WorkingMode.Tou, priority ?? "fedToGridPreference", acKw, parsed, true);
        change = s => s with { Mode = modeValue };
        return null;
    }

    public static string? BatteryConfig(JsonObject e, SimPlant plant, out Func<ControlState, ControlState>? change)
    {
        change = null;
        if (plant.Battery!.IsLg) return "Battery parameters cannot be set for LG batteries.";
        if (e["batteryConfigurationInfo"] is not JsonObject info) return Empty;
        if (!NbiRequest.TryDouble(info["endOfChargeSoc"], out var eoc) || !NbiRequest.TryDouble(info["endOfDischargeSoc"], out var eod)
            || !NbiRequest.TryDouble(info["maximumChargePower"], out var maxCharge) || !NbiRequest.TryDouble(info["maximumDischargePower"], out var maxDischarge))
            return Empty;
        if (eoc is null && eod is null && maxCharge is null && maxDischarge is null) return Empty;
        if (eoc is < 90 or > 100) return Range("endOfChargeSoc", "[90.0, 100.0]");
        if (eod is < 0 or > 20) return Range("endOfDischargeSoc", "[0.0, 20.0]");
        if (maxCharge < 0) return Range("maximumChargePower", "[0, upper limit of maximum charge power]");
        if (maxDischarge < 0) return Range("maximumDischargePower", "[0, upper limit of maximum discharge power]");
        var spec = plant.Battery;
        // Above the upper limit, the vendor uses the upper limit (reference 5.2.5).
        change = s => s with
        {
            Limits = new BatteryLimits(
                eoc ?? s.Limits.EndOfChargeSoc,
                eod ?? s.Limits.EndOfDischargeSoc,
                maxCharge is { } c ? Math.Min(c / 1000, spec.MaxChargeKw) : s.Limits.MaxChargeKw,
                maxDischarge is { } d ? Math.Min(d / 1000, spec.MaxDischargeKw) : s.Limits.MaxDischargeKw),
        };
        return null;
    }

    public static string? ActivePower(JsonObject e, SimPlant plant, Fleet fleet, out Func<ControlState, ControlState>? change)
    {
        change = null;
        var mode = e["controlMode"]?.ToString();
        if (mode is not ("0" or "6")) return Range("controlMode", "[0, 6]");
        if (mode == "0")
        {
            change = s => s with { FeedIn = FeedInLimit.Unlimited };
            return null;
        }
        if (e["controlInfo"] is not JsonObject info || !NbiRequest.TryDouble(info["maxGridFeedInPower"], out var kw) || kw is null) return Empty;
        var upper = plant.Controller switch
        {
            ControllerKind.Emma => fleet.DevicesByPlant[plant.Code].Where(d => DevType.IsInverter(d.TypeId)).Sum(d => d.RatedKw),
            ControllerKind.DistributedSmartLogger => 50000,
            _ => 5000,
        };
        if (kw < -1000 || kw > upper) return Range("maxGridFeedInPower", $"[-1000.000, {upper.ToString("0.000", CultureInfo.InvariantCulture)}]");
        var limitation = info["limitationMode"]?.ToString() ?? "0";
        if (limitation is not ("0" or "1")) return Range("limitationMode", "[0, 1]");
        var limit = new FeedInLimit(true, kw.Value, limitation == "1");
        change = s => s with { FeedIn = limit };
        return null;
    }

    private static bool TryTime(JsonNode? node, out TimeOnly time) =>
        TimeOnly.TryParseExact(node?.ToString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
