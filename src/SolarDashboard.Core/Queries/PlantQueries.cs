using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Alarms;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Queries;

/// <summary>A number with the instant it describes; stale when older than twice its normal refresh interval.</summary>
public sealed record AgedValue(double? Value, DateTimeOffset? CollectedAt, bool IsStale);

public sealed record AlarmCounts(int Critical, int Major, int Minor, int Warning)
{
    public int Total => Critical + Major + Minor + Warning;
}

public enum PlantHealth { Unknown, Disconnected, Faulty, Healthy }

public sealed record PlantSummary(int Id, int ConnectionId, string Vendor, string Name, string? Address, double? CapacityKwp, string TimeZoneId, PlantHealth Health,
    AgedValue CurrentPowerKw, AgedValue TodayYieldKwh, AgedValue BatterySoc, AlarmCounts Alarms, DateTimeOffset? DataCollectedAt, bool IsStale);

/// <summary>Live power between PV, battery, grid and load, kW. Battery positive = charging; grid positive = importing.</summary>
public sealed record EnergyFlow(double? PvKw, double? BatteryKw, double? GridKw, double? LoadKw, DateTimeOffset? At, bool IsStale);

public sealed record PlantDetail(PlantSummary Summary, AgedValue MonthYieldKwh, AgedValue TotalYieldKwh, AgedValue DayIncome, AgedValue TotalIncome,
    EnergyFlow Flow, IReadOnlyList<DeviceSummary> Devices);

public sealed record DeviceSummary(int Id, int PlantId, string Name, int TypeId, string? Model, string? Firmware, string? SerialNumber,
    DateTimeOffset? CollectedAt, bool IsStale);

public sealed record DeviceTelemetry(DeviceSummary Device, IReadOnlyDictionary<string, double?> Values, DateTimeOffset? CollectedAt, DateTimeOffset? ReceivedAt, bool IsStale);

public sealed record ReportPoint(string LocalStart, DateTimeOffset StartsAt, IReadOnlyDictionary<string, double?> Values);

public sealed record AlarmView(int Id, int PlantId, string PlantName, string TimeZoneId, int? DeviceId, string? DeviceName, int? DeviceTypeId, int AlarmId,
    string Name, string? Cause, string? RepairSuggestion, int Level, DateTimeOffset RaisedAt, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ClearedAt);

/// <summary>
/// What pages read: only the cache, never a vendor. Every value carries the instant it describes and whether it is
/// stale; daily counters count from plant-local midnight (yesterday's "today" reads as 0 after midnight).
/// </summary>
public sealed class PlantQueries(IDbContextFactory<SolarDbContext> dbFactory, SeriesStore series, TimeProvider time)
{
    /// <summary>Real-time data refreshes every 5 minutes at best; twice that (or twice the planned pace) is stale.</summary>
    public static readonly TimeSpan RealTimeInterval = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<PlantSummary>> ListPlantsAsync(PlantScope scope, IReadOnlyCollection<int>? plantIds = null, CancellationToken ct = default)
    {
        plantIds = scope.Restrict(plantIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var plants = await db.Plants.AsNoTracking().Where(p => plantIds == null || plantIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        var ids = plants.Select(p => p.Id).ToList();
        var plantKpis = await db.LatestKpis.AsNoTracking().Where(k => k.PlantId != null && ids.Contains(k.PlantId.Value)).ToDictionaryAsync(k => k.PlantId!.Value, ct);
        var devices = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.PlantId)).ToListAsync(ct);
        var deviceIds = devices.Select(d => d.Id).ToList();
        var deviceKpis = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null && deviceIds.Contains(k.DeviceId.Value)).ToDictionaryAsync(k => k.DeviceId!.Value, ct);
        var alarms = await db.Alarms.AsNoTracking().Where(a => ids.Contains(a.PlantId) && a.ClearedAt == null)
            .GroupBy(a => new { a.PlantId, a.Level }).Select(g => new { g.Key.PlantId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var stale = await StaleAfterAsync(db, plants.Select(p => p.ConnectionId).Distinct().ToList(), ct);
        var vendors = await db.Connections.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Vendor.ToString(), ct);

        // Grouped and parsed once: with a thousand plants, per-plant scans and repeated JSON parsing dominate.
        var devicesByPlant = devices.ToLookup(d => d.PlantId);
        var parsed = deviceKpis.ToDictionary(k => k.Key, k => Values(k.Value));
        var alarmsByPlant = alarms.ToLookup(a => a.PlantId);
        return plants.Select(p =>
        {
            var limit = stale.GetValueOrDefault(p.ConnectionId, 2 * RealTimeInterval);
            var kpis = plantKpis.GetValueOrDefault(p.Id);
            var values = Values(kpis);
            var isToday = kpis is not null && PlantTime.LocalDate(p.TimeZoneId, kpis.CollectedAt) == PlantTime.LocalDate(p.TimeZoneId, now);
            var mine = devicesByPlant[p.Id].ToList();
            var inverters = mine.Where(d => DeviceTypeIds.Inverters.Contains(d.TypeId) && deviceKpis.ContainsKey(d.Id)).Select(d => d.Id).ToList();
            var batteries = mine.Where(d => DeviceTypeIds.Batteries.Contains(d.TypeId) && deviceKpis.ContainsKey(d.Id)).Select(d => d.Id).ToList();
            double? power = inverters.Count == 0 ? null : inverters.Sum(id => parsed[id].GetValueOrDefault("active_power") ?? 0);
            var soc = batteries.Select(id => parsed[id].GetValueOrDefault("battery_soc")).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(double.NaN).Average();
            DateTimeOffset? powerAt = inverters.Count == 0 ? null : inverters.Min(id => deviceKpis[id].CollectedAt);
            DateTimeOffset? socAt = batteries.Count == 0 ? null : batteries.Min(id => deviceKpis[id].CollectedAt);
            var counts = alarmsByPlant[p.Id].ToList();
            int Count(int level) => counts.Where(a => a.Level == level).Sum(a => a.Count);
            var collected = kpis?.CollectedAt;
            return new PlantSummary(p.Id, p.ConnectionId, vendors.GetValueOrDefault(p.ConnectionId, "?"), p.Name, p.Address, p.CapacityKwp, p.TimeZoneId,
                Health(values.GetValueOrDefault("real_health_state")),
                new AgedValue(power, powerAt, IsStale(powerAt, now, limit)),
                new AgedValue(kpis is null ? null : isToday ? values.GetValueOrDefault("day_power") : 0.0, collected, IsStale(collected, now, limit)),
                new AgedValue(double.IsNaN(soc) ? null : soc, socAt, IsStale(socAt, now, limit)),
                new AlarmCounts(Count(1), Count(2), Count(3), Count(4)),
                collected, IsStale(collected, now, limit));
        }).ToList();
    }

    /// <summary>Active alarms by severity across the given plants (all when null): one grouped query, for the navigation.</summary>
    public async Task<AlarmCounts> CountActiveAlarmsAsync(PlantScope scope, IReadOnlyCollection<int>? plantIds = null, CancellationToken ct = default)
    {
        plantIds = scope.Restrict(plantIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null && (plantIds == null || plantIds.Contains(a.PlantId)))
            .GroupBy(a => a.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Level, g => g.Count, ct);
        return new AlarmCounts(counts.GetValueOrDefault(1), counts.GetValueOrDefault(2), counts.GetValueOrDefault(3), counts.GetValueOrDefault(4));
    }

    /// <summary>A plant with its KPIs, live energy flow and devices; null when it does not exist.</summary>
    public async Task<PlantDetail?> GetPlantAsync(PlantScope scope, int plantId, CancellationToken ct = default)
    {
        var summary = (await ListPlantsAsync(scope, [plantId], ct)).SingleOrDefault();
        if (summary is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var plantKpis = await db.LatestKpis.AsNoTracking().SingleOrDefaultAsync(k => k.PlantId == plantId, ct);
        var values = Values(plantKpis);
        var collected = plantKpis?.CollectedAt;
        var sameMonth = plantKpis is not null && PlantTime.LocalDate(summary.TimeZoneId, plantKpis.CollectedAt) is var d && d.Month == PlantTime.LocalDate(summary.TimeZoneId, now).Month;
        AgedValue Aged(string key, bool resets = false) => new(plantKpis is null ? null : resets ? 0.0 : values.GetValueOrDefault(key), collected, summary.IsStale);

        var devices = await db.Devices.AsNoTracking().Where(x => x.PlantId == plantId).OrderBy(x => x.TypeId).ThenBy(x => x.Name).ToListAsync(ct);
        var ids = devices.Select(x => x.Id).ToList();
        var latest = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null && ids.Contains(k.DeviceId.Value)).ToDictionaryAsync(k => k.DeviceId!.Value, ct);
        double? Sum(IEnumerable<Device> of, string key, double scale = 1)
        {
            var known = of.Select(x => latest.GetValueOrDefault(x.Id)).Where(k => k is not null).Select(k => Values(k).GetValueOrDefault(key)).Where(v => v is not null).ToList();
            return known.Count == 0 ? null : known.Sum(v => v!.Value) * scale;
        }
        var pv = Sum(devices.Where(x => DeviceTypeIds.Inverters.Contains(x.TypeId)), "active_power");
        var battery = Sum(devices.Where(x => DeviceTypeIds.Batteries.Contains(x.TypeId)), "ch_discharge_power", 0.001);
        // Meters report feed-in as positive (power sensors in W, grid meters in kW); the flow shows import as positive.
        var feed = Sum(devices.Where(x => x.TypeId == DeviceTypeIds.PowerSensor), "active_power", 0.001) is { } w ? w + (Sum(devices.Where(x => x.TypeId == DeviceTypeIds.GridMeter), "active_power") ?? 0)
            : Sum(devices.Where(x => x.TypeId == DeviceTypeIds.GridMeter), "active_power");
        double? grid = feed is { } f ? -f : null;
        double? load = pv is { } p && grid is { } g ? Math.Max(0, p + g - (battery ?? 0)) : null;
        var flowAt = devices.Select(x => latest.GetValueOrDefault(x.Id)?.CollectedAt).Where(t => t is not null).DefaultIfEmpty().Min();

        return new PlantDetail(summary,
            new AgedValue(plantKpis is null ? null : sameMonth ? values.GetValueOrDefault("month_power") : 0.0, collected, summary.IsStale),
            Aged("total_power"),
            new AgedValue(plantKpis is null ? null : PlantTime.LocalDate(summary.TimeZoneId, plantKpis.CollectedAt) == PlantTime.LocalDate(summary.TimeZoneId, now)
                ? values.GetValueOrDefault("day_income") : 0.0, collected, summary.IsStale),
            Aged("total_income"),
            new EnergyFlow(pv, battery, grid, load, flowAt, summary.IsStale),
            devices.Select(x => Summary(x, latest.GetValueOrDefault(x.Id)?.CollectedAt, now)).ToList());
    }

    /// <summary>Today's 5-minute curves of a plant (plant-local day), kW: PV, battery (+ charging) and grid (+ feeding in).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>> GetTodayCurvesAsync(PlantScope scope, int plantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plant = scope.Allows(plantId) ? await db.Plants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == plantId, ct) : null;
        if (plant is null) return new Dictionary<string, IReadOnlyList<SeriesPoint>>();
        var devices = await db.Devices.AsNoTracking().Where(d => d.PlantId == plantId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var local = PlantTime.ToLocal(plant.TimeZoneId, now);
        var from = new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
        async Task<IReadOnlyList<SeriesPoint>> SumOf(IEnumerable<Device> of, string kpi, double scale)
        {
            var sum = new SortedDictionary<DateTimeOffset, double>();
            foreach (var d in of)
                foreach (var p in await series.ReadAsync(d.Id, kpi, from, now, ct))
                    sum[p.Time] = sum.GetValueOrDefault(p.Time) + p.Value * scale;
            return sum.Select(p => new SeriesPoint(p.Key, Math.Round(p.Value, 3))).ToList();
        }
        return new Dictionary<string, IReadOnlyList<SeriesPoint>>
        {
            ["PV"] = await SumOf(devices.Where(d => DeviceTypeIds.Inverters.Contains(d.TypeId)), "active_power", 1),
            ["Battery"] = await SumOf(devices.Where(d => DeviceTypeIds.Batteries.Contains(d.TypeId)), "ch_discharge_power", 0.001),
            ["Grid"] = [.. (await SumOf(devices.Where(d => d.TypeId == DeviceTypeIds.PowerSensor), "active_power", 0.001)).Concat(await SumOf(devices.Where(d => d.TypeId == DeviceTypeIds.GridMeter), "active_power", 1))],
        };
    }

    public async Task<IReadOnlyList<DeviceSummary>> ListDevicesAsync(PlantScope scope, int plantId, CancellationToken ct = default)
    {
        if (!scope.Allows(plantId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var devices = await db.Devices.AsNoTracking().Where(d => d.PlantId == plantId).OrderBy(d => d.TypeId).ThenBy(d => d.Name).ToListAsync(ct);
        var ids = devices.Select(d => d.Id).ToList();
        var latest = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null && ids.Contains(k.DeviceId.Value)).ToDictionaryAsync(k => k.DeviceId!.Value, k => k.CollectedAt, ct);
        return devices.Select(d => Summary(d, latest.TryGetValue(d.Id, out var at) ? at : null, now)).ToList();
    }

    public async Task<DeviceTelemetry?> GetDeviceAsync(PlantScope scope, int deviceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null || !scope.Allows(device.PlantId)) return null;
        var latest = await db.LatestKpis.AsNoTracking().SingleOrDefaultAsync(k => k.DeviceId == deviceId, ct);
        var now = time.GetUtcNow();
        return new DeviceTelemetry(Summary(device, latest?.CollectedAt, now), Values(latest), latest?.CollectedAt, latest?.ReceivedAt, IsStale(latest?.CollectedAt, now, 2 * RealTimeInterval));
    }

    /// <summary>Reports of a plant (or device) for local periods from <paramref name="fromLocal"/> to <paramref name="toLocal"/> (inclusive, same format as LocalStart).</summary>
    public async Task<IReadOnlyList<ReportPoint>> GetReportsAsync(PlantScope scope, int? plantId, int? deviceId, ReportPeriod period, string fromLocal, string toLocal, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AllowsAsync(db, scope, plantId, deviceId, ct)) return [];
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.PlantId == plantId && r.DeviceId == deviceId && r.Period == period && string.Compare(r.LocalStart, fromLocal) >= 0 && string.Compare(r.LocalStart, toLocal) <= 0)
            .OrderBy(r => r.LocalStart).ToListAsync(ct);
        return rows.Select(r => new ReportPoint(r.LocalStart, r.StartsAt, Parse(r.ValuesJson))).ToList();
    }

    /// <summary>One KPI of a device over a range, at most <paramref name="maxPoints"/> points (LTTB).</summary>
    public async Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(PlantScope scope, int deviceId, string kpi, DateTimeOffset from, DateTimeOffset to, int maxPoints = 2000, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!await AllowsAsync(db, scope, null, deviceId, ct)) return [];
        return await series.ReadForChartAsync(deviceId, kpi, from, to, maxPoints, ct);
    }

    public async Task<IReadOnlyList<AlarmView>> GetAlarmsAsync(PlantScope scope, bool active, IReadOnlyCollection<int>? plantIds = null, int take = 500, CancellationToken ct = default)
    {
        plantIds = scope.Restrict(plantIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = from a in db.Alarms.AsNoTracking()
                    join p in db.Plants.AsNoTracking() on a.PlantId equals p.Id
                    where (active ? a.ClearedAt == null : a.ClearedAt != null) && (plantIds == null || plantIds.Contains(a.PlantId))
                    select new { a, p.Name, p.TimeZoneId };
        var rows = await query.ToListAsync(ct);
        return rows.Select(r => new AlarmView(r.a.Id, r.a.PlantId, r.Name, r.TimeZoneId, r.a.DeviceId, r.a.DeviceName, r.a.DeviceTypeId, r.a.AlarmId, r.a.Name, r.a.Cause,
                r.a.RepairSuggestion, r.a.Level, r.a.RaisedAt, r.a.FirstSeenAt, r.a.LastSeenAt, r.a.ClearedAt))
            .OrderBy(a => a.Level).ThenByDescending(a => active ? a.RaisedAt : a.ClearedAt).Take(take).ToList();
    }

    /// <summary>Whether the plant, or the device's plant, is inside the scope (and exists).</summary>
    private static async Task<bool> AllowsAsync(SolarDbContext db, PlantScope scope, int? plantId, int? deviceId, CancellationToken ct)
    {
        if (deviceId is { } d)
        {
            var owner = await db.Devices.AsNoTracking().Where(x => x.Id == d).Select(x => (int?)x.PlantId).SingleOrDefaultAsync(ct);
            if (owner is null || !scope.Allows(owner.Value) || (plantId is { } p0 && p0 != owner)) return false;
            return true;
        }
        return plantId is { } p && scope.Allows(p);
    }

    private static DeviceSummary Summary(Device d, DateTimeOffset? collectedAt, DateTimeOffset now) =>
        new(d.Id, d.PlantId, d.Name, d.TypeId, d.Model, d.Firmware, d.SerialNumber, collectedAt, IsStale(collectedAt, now, 2 * RealTimeInterval));

    /// <summary>Per connection: twice the pace at which plant real-time data is actually fetched (at least 10 minutes).</summary>
    private static async Task<Dictionary<int, TimeSpan>> StaleAfterAsync(SolarDbContext db, List<int> connectionIds, CancellationToken ct)
    {
        var states = await db.SyncStates.AsNoTracking().Where(s => connectionIds.Contains(s.ConnectionId) && s.DataClass == "PlantRealTime").ToListAsync(ct);
        return states.ToDictionary(s => s.ConnectionId, s => 2 * (s.PlannedInterval > RealTimeInterval ? s.PlannedInterval : RealTimeInterval));
    }

    private static bool IsStale(DateTimeOffset? at, DateTimeOffset now, TimeSpan limit) => at is null || now - at.Value > limit;

    private static PlantHealth Health(double? state) => state switch
    {
        1 => PlantHealth.Disconnected,
        2 => PlantHealth.Faulty,
        3 => PlantHealth.Healthy,
        _ => PlantHealth.Unknown,
    };

    private static IReadOnlyDictionary<string, double?> Values(LatestKpis? row) => row is null ? new Dictionary<string, double?>() : Parse(row.ValuesJson);

    private static IReadOnlyDictionary<string, double?> Parse(string json) => KpiJson.Parse(json);
}
