using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;
using static SolarDashboard.Vendors.FusionSolar.Model.FusionSolarDeviceTypes;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>The plant's latest battery and meter values, the only evidence the dashboard has of what happened there.</summary>
public sealed record PlantEvidence(DateTimeOffset? BatteryAt, DateTimeOffset? MeterAt, double? Soc, int? ModeCode, double? BatteryW, double? MaxChargeW, double? MaxDischargeW, double? ExportKw)
    : IControlEvidence
{
    DateTimeOffset? IControlEvidence.MeasuredAt(ControlParameters parameters) => At(parameters);

    (bool? Arrived, string Note) IControlEvidence.ShowsArrival(ControlParameters parameters) => ShowsArrival(parameters, this);

    (bool? Seen, string Note) IControlEvidence.ShowsEffect(ControlParameters parameters, double? chargedKwh, double? dischargedKwh) =>
        ShowsEffect(parameters, this, chargedKwh, dischargedKwh);

    public static async Task<PlantEvidence> ReadAsync(SolarDbContext db, int plantId, CancellationToken ct)
    {
        string[] watched = [Text(Battery), Text(PowerSensor), Text(GridMeter)];
        var devices = await db.Devices.AsNoTracking().Where(d => d.PlantId == plantId && watched.Contains(d.VendorType)).ToListAsync(ct);
        var ids = devices.Select(d => d.Id).ToList();
        var latest = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null && ids.Contains(k.DeviceId.Value)).ToListAsync(ct);
        IReadOnlyDictionary<string, double?>? Of(int type)
        {
            var device = devices.FirstOrDefault(d => TypeOf(d) == type);
            var row = device is null ? null : latest.FirstOrDefault(k => k.DeviceId == device.Id);
            return row is null ? null : KpiJson.Parse(row.ValuesJson);
        }
        DateTimeOffset? At(params int[] types) => latest.Where(k => devices.Any(d => d.Id == k.DeviceId && types.Contains(TypeOf(d)))).Select(k => (DateTimeOffset?)k.CollectedAt).Max();
        var battery = Of(Battery);
        // Meters report feed-in as positive: power sensors in W, grid meters in kW.
        var export = Of(PowerSensor)?.GetValueOrDefault("active_power") is { } w ? w / 1000 : Of(GridMeter)?.GetValueOrDefault("active_power");
        return new(At(Battery), At(PowerSensor, GridMeter), battery?.GetValueOrDefault("battery_soc"), battery?.GetValueOrDefault("ch_discharge_model") is { } m ? (int)m : null,
            battery?.GetValueOrDefault("ch_discharge_power"), battery?.GetValueOrDefault("max_charge_power"), battery?.GetValueOrDefault("max_discharge_power"), export);
    }

    /// <summary>When the values that can show this task were measured: the meter for feed-in, the battery for the rest.</summary>
    public DateTimeOffset? At(ControlParameters parameters) => parameters is FeedInParameters ? MeterAt : BatteryAt;

    // ch_discharge_model (5.1.2.2): 1 forced charge/discharge, 7 maximum self-consumption, 9 remote TOU, 10 managed by EMMA.
    private const int Forced = 1, MaxSelf = 7, Tou = 9, Emma = 10;

    /// <summary>Whether a task whose delivery got no answer shows in the data: true, false, or null when it cannot be seen.</summary>
    public static (bool? Arrived, string Note) ShowsArrival(ControlParameters parameters, PlantEvidence e) => parameters switch
    {
        ChargeDischargeParameters { Action: ForcedAction.Stop } => e.ModeCode is { } m ? (m != Forced, $"the battery reports mode {m}.") : (null, "the battery reports no mode."),
        ChargeDischargeParameters c => e.ModeCode == Forced ? (true, "the battery reports a forced charge or discharge.")
            : e.BatteryW is { } w && (c.Action == ForcedAction.Charge ? w > 50 : w < -50) && e.ModeCode is not (MaxSelf or Tou) ? (true, $"the battery is {(w > 0 ? "charging" : "discharging")} at {Math.Abs(w):0} W.")
            : (false, "the battery reports no forced charge or discharge"),
        BatteryModeParameters m => ModeEffect(m, e),
        BatteryLimitParameters l => LimitEffect(l, e),
        _ => (null, "feed-in limits do not show in the plant's data until the export reaches them"),
    };

    /// <summary>A power in kW as the audit trail writes it: two decimals at most, and never "-0".</summary>
    private static string Kw(double kw) => (Math.Round(kw, 2) is var r && r == 0 ? 0 : r).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Whether a task FusionSolar reported as SUCCESS shows in the data.</summary>
    public static (bool? Seen, string Note) ShowsEffect(ControlParameters parameters, PlantEvidence e, double? chargedKwh, double? dischargedKwh) => parameters switch
    {
        ChargeDischargeParameters { Action: ForcedAction.Stop } => ShowsArrival(parameters, e),
        ChargeDischargeParameters { Action: ForcedAction.Charge } => chargedKwh > 0 ? (true, $"FusionSolar counted {chargedKwh:0.##} kWh charged; SOC now {e.Soc:0.#} %.")
            : (false, "FusionSolar reports success but no energy was charged."),
        ChargeDischargeParameters => dischargedKwh > 0 ? (true, $"FusionSolar counted {dischargedKwh:0.##} kWh discharged; SOC now {e.Soc:0.#} %.")
            : (false, "FusionSolar reports success but no energy was discharged."),
        BatteryModeParameters m => ModeEffect(m, e),
        BatteryLimitParameters l => LimitEffect(l, e),
        FeedInParameters { Limited: true, MaxFeedInKw: { } limit } => e.ExportKw is { } x
            ? (x <= limit * 1.05 + 0.1 ? (true, $"export is {Kw(x)} kW, within the {Kw(limit)} kW limit.")
                : (false, $"export is {Kw(x)} kW, above the {Kw(limit)} kW limit."))
            : (null, "the plant has no meter that reports export."),
        _ => (null, "an unlimited feed-in has nothing to measure."),
    };

    private static (bool?, string) ModeEffect(BatteryModeParameters m, PlantEvidence e) => e.ModeCode switch
    {
        null => (null, "the battery reports no mode."),
        Emma => (null, "an EMMA manages this battery and does not report the mode."),
        var code when code == (m.Tou ? Tou : MaxSelf) => (true, m.Tou ? "the battery reports time-of-use mode." : "the battery reports maximum self-consumption."),
        var code => (false, $"the battery still reports mode {code}."),
    };

    private static (bool?, string) LimitEffect(BatteryLimitParameters l, PlantEvidence e)
    {
        if (l.MaxChargeW is null && l.MaxDischargeW is null) return (null, "end-of-charge and end-of-discharge SOC are not in the real-time data.");
        bool Near(double? reported, int? wanted) => wanted is null || (reported is { } r && (Math.Abs(r - wanted.Value) <= Math.Max(50, wanted.Value * 0.01) || r < wanted.Value));
        return Near(e.MaxChargeW, l.MaxChargeW) && Near(e.MaxDischargeW, l.MaxDischargeW)
            ? (true, $"the battery reports max charge {e.MaxChargeW:0} W and max discharge {e.MaxDischargeW:0} W.")
            : (false, $"the battery still reports max charge {e.MaxChargeW:0} W and max discharge {e.MaxDischargeW:0} W.");
    }
}
