using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.RawValues;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Queries;

/// <summary>
/// What pages read: only the cache, never a vendor, and only the vendor-neutral model: plants' summaries, standard
/// measures, and raw values labelled by each vendor's catalogue. Every value carries the instant it describes and whether
/// it is stale; daily counters count from plant-local midnight (yesterday's "today" reads as 0 after midnight).
/// </summary>
public sealed class PlantQueries(IDbContextFactory<SolarDbContext> dbFactory, SeriesStore series, TimeProvider time, MeasureMappings mappings, RawValueCatalogues catalogues)
{
    /// <summary>Real-time data refreshes every 5 minutes at best; twice that (or twice the planned pace) is stale.</summary>
    public static readonly TimeSpan RealTimeInterval = TimeSpan.FromMinutes(5);

    /// <summary>The sync state whose planned pace tells how often a connection's plant values are fetched (any vendor's syncer keeps it).</summary>
    public const string RealTimeDataClass = "PlantRealTime";

    public async Task<IReadOnlyList<PlantSummary>> ListPlantsAsync(PlantScope scope, IReadOnlyCollection<int>? plantIds = null, CancellationToken ct = default)
    {
        plantIds = scope.Restrict(plantIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        // One row per plant, however large the fleet: the ingest keeps the summaries; name and place come from the plant.
        var rows = await ListRowsAsync(db, plantIds, ct);
        var connections = rows.Select(r => r.ConnectionId).Distinct().ToList();
        var staleAfter = await StaleAfterAsync(db, connections, ct);
        var feeds = await db.Connections.AsNoTracking().Where(c => connections.Contains(c.Id)).Select(c => new { c.Id, c.Vendor, c.State }).ToDictionaryAsync(c => c.Id, ct);
        var todays = new Dictionary<string, string>(StringComparer.Ordinal);
        string Today(string zone) => todays.TryGetValue(zone, out var d) ? d : todays[zone] = LocalDay(zone, now);
        return rows.Select(r =>
        {
            var limit = staleAfter.GetValueOrDefault(r.ConnectionId, 2 * RealTimeInterval);
            var today = r.EnergyAt is null ? null : r.EnergyDate == Today(r.TimeZoneId) ? r.PvKwhToday : 0.0;
            var feed = feeds.GetValueOrDefault(r.ConnectionId);
            var state = feed?.State ?? ConnectionState.Pending;
            var stale = IsStale(r.DataCollectedAt, now, limit);
            // Stale data from a connection that needs a person says nothing about the plant now: not the last "healthy" heard.
            var health = stale && ConnectionAttention.NeedsPerson(state)
                ? Health.Unknown : r.Health ?? Health.Unknown;
            return new PlantSummary(r.Id, r.ConnectionId, feed is null ? "?" : catalogues.For(feed.Vendor).VendorName, r.Name, r.Address, r.CapacityKwp, r.TimeZoneId,
                health,
                new AgedValue(r.PvKw, r.PowerAt, IsStale(r.PowerAt, now, limit)),
                new AgedValue(today, r.EnergyAt, IsStale(r.EnergyAt, now, limit)),
                new AgedValue(r.Soc, r.SocAt, IsStale(r.SocAt, now, limit)),
                new AlarmCounts(r.Critical ?? 0, r.Major ?? 0, r.Minor ?? 0, r.Warning ?? 0),
                r.DataCollectedAt, stale,
                new AgedValue(r.GridKw, r.PowerAt, IsStale(r.PowerAt, now, limit)), state, r.Latitude, r.Longitude);
        }).ToList();
    }

    private sealed record ListRow(int Id, int ConnectionId, string Name, string? Address, double? CapacityKwp, string TimeZoneId, Health? Health,
        double? PvKw, DateTimeOffset? PowerAt, double? Soc, DateTimeOffset? SocAt, double? PvKwhToday, string? EnergyDate, DateTimeOffset? EnergyAt,
        DateTimeOffset? DataCollectedAt, int? Critical, int? Major, int? Minor, int? Warning, double? GridKw, double? Latitude, double? Longitude);

    private static readonly Func<long, DateTimeOffset> FromBinary = new DateTimeOffsetToBinaryConverter().ConvertFromProviderTyped;

    /// <summary>
    /// The plant list's rows, plants joined to their summaries, in plain SQL: the one query whose cost grows with the
    /// fleet, and the measured hot path of <c>/plants</c> (EF's materializer took most of its time at 10,000 plants).
    /// </summary>
    private static async Task<List<ListRow>> ListRowsAsync(SolarDbContext db, IReadOnlyCollection<int>? plantIds, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT p.Id, p.ConnectionId, p.Name, p.Address, p.CapacityKwp, p.TimeZoneId, s.Health, s.PvKw, s.PowerAt, s.Soc, s.SocAt, s.PvKwhToday, " +
            "s.EnergyDate, s.EnergyAt, s.DataCollectedAt, s.AlarmsCritical, s.AlarmsMajor, s.AlarmsMinor, s.AlarmsWarning, s.GridKw, p.Latitude, p.Longitude " +
            "FROM Plants p LEFT JOIN PlantSummaries s ON s.PlantId = p.Id " +
            (plantIds is null ? "" : "WHERE p.Id IN (SELECT value FROM json_each($ids)) ") + "ORDER BY p.Name";
        if (plantIds is not null)
        {
            var ids = command.CreateParameter();
            ids.ParameterName = "$ids";
            ids.Value = System.Text.Json.JsonSerializer.Serialize(plantIds);
            command.Parameters.Add(ids);
        }
        var rows = new List<ListRow>();
        await using var r = await command.ExecuteReaderAsync(ct);
        double? Real(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
        int? Int(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateTimeOffset? Time(int i) => r.IsDBNull(i) ? null : FromBinary(r.GetInt64(i));
        while (await r.ReadAsync(ct))
            rows.Add(new ListRow(r.GetInt32(0), r.GetInt32(1), r.GetString(2), Text(3), Real(4), r.GetString(5),
                Text(6) is { } health ? Enum.Parse<Health>(health) : null, Real(7), Time(8), Real(9), Time(10), Real(11), Text(12), Time(13), Time(14),
                Int(15), Int(16), Int(17), Int(18), Real(19), Real(20), Real(21)));
        return rows;
    }

    /// <summary>Active alarms by severity across the given plants (all when null), from the plants' summaries: for the navigation.</summary>
    public async Task<AlarmCounts> CountActiveAlarmsAsync(PlantScope scope, IReadOnlyCollection<int>? plantIds = null, CancellationToken ct = default)
    {
        plantIds = scope.Restrict(plantIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.PlantSummaries.AsNoTracking().Where(s => plantIds == null || plantIds.Contains(s.PlantId))
            .GroupBy(_ => 1).Select(g => new { Critical = g.Sum(s => s.AlarmsCritical), Major = g.Sum(s => s.AlarmsMajor), Minor = g.Sum(s => s.AlarmsMinor), Warning = g.Sum(s => s.AlarmsWarning) })
            .SingleOrDefaultAsync(ct);
        return counts is null ? new AlarmCounts(0, 0, 0, 0) : new AlarmCounts(counts.Critical, counts.Major, counts.Minor, counts.Warning);
    }

    /// <summary>A plant with its yields, live energy flow, vendor values and devices; null when it does not exist.</summary>
    public async Task<PlantDetail?> GetPlantAsync(PlantScope scope, int plantId, CancellationToken ct = default)
    {
        var summary = (await ListPlantsAsync(scope, [plantId], ct)).SingleOrDefault();
        if (summary is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var row = await db.PlantSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.PlantId == plantId, ct);
        var measures = StandardValues.Parse(row?.StandardJson);
        var vendor = await db.Plants.Where(p => p.Id == plantId).Join(db.Connections, p => p.ConnectionId, c => c.Id, (p, c) => c.Vendor).SingleAsync(ct);
        var own = await db.LatestKpis.AsNoTracking().Where(k => k.PlantId == plantId).Select(k => k.ValuesJson).SingleOrDefaultAsync(ct);
        var vendorValues = own is null ? [] : catalogues.Label(vendor, null, KpiJson.Parse(own));

        // This month: the closed days of its day reports, and today's live yield.
        var zone = summary.TimeZoneId;
        var today = PlantTime.LocalDate(zone, now);
        var firstOfMonth = today.AddDays(1 - today.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var days = await EnergyAsync(db, plantId, ReportPeriod.Day, firstOfMonth, today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);
        var past = days.Select(d => d.Energy[StandardMeasure.PvKwh]).Where(v => v is not null).ToList();
        double? month = summary.TodayYieldKwh.Value is null && past.Count == 0 ? null : past.Sum(v => v!.Value) + (summary.TodayYieldKwh.Value ?? 0);

        var devices = await DevicesAsync(db, plantId, vendor, now, ct);
        return new PlantDetail(summary,
            new AgedValue(month, summary.TodayYieldKwh.CollectedAt, summary.TodayYieldKwh.IsStale),
            new AgedValue(measures[StandardMeasure.PvKwhTotal], row?.EnergyAt, summary.TodayYieldKwh.IsStale),
            new EnergyFlow(row?.PvKw, row?.BatteryKw, row?.GridKw, row?.LoadKw, row?.PowerAt, summary.CurrentPowerKw.IsStale),
            measures, vendorValues, devices);
    }

    /// <summary>
    /// Today's 5-minute curves of a plant (plant-local day), kW, from its devices' standard series by the same precedence
    /// as its live values: PV, battery (+ charging), grid (+ importing) and load.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>> GetTodayCurvesAsync(PlantScope scope, int plantId, CancellationToken ct = default) =>
        await GetPowerCurvesAsync(scope, plantId, null, ct);

    /// <summary>The 5-minute curves of <see cref="GetTodayCurvesAsync"/> for any plant-local day (null: today), up to now.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>> GetPowerCurvesAsync(PlantScope scope, int plantId, DateOnly? localDay, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plant = scope.Allows(plantId) ? await db.Plants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == plantId, ct) : null;
        if (plant is null) return new Dictionary<string, IReadOnlyList<SeriesPoint>>();
        var devices = await db.Devices.AsNoTracking().Where(d => d.PlantId == plantId).Select(d => new { d.Id, d.Role }).ToListAsync(ct);
        var now = time.GetUtcNow();
        var day = localDay ?? PlantTime.LocalDate(plant.TimeZoneId, now);
        var from = PlantTime.ToUtc(plant.TimeZoneId, day.ToDateTime(TimeOnly.MinValue));
        var end = PlantTime.ToUtc(plant.TimeZoneId, day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var to = end < now ? end.AddTicks(-1) : now;

        var stored = await series.ReadManyAsync(devices.Select(d => d.Id).ToList(), StandardMeasure.Series.Select(m => m.SeriesName).ToList(), from, to, ct);
        var slots = new SortedDictionary<DateTimeOffset, List<MeasureReading>>();
        foreach (var device in devices)
        {
            if (!stored.TryGetValue(device.Id, out var byName)) continue;
            var values = new SortedDictionary<DateTimeOffset, StandardValues>();
            foreach (var (name, points) in byName)
                foreach (var p in points)
                    (values.TryGetValue(p.Time, out var v) ? v : values[p.Time] = new StandardValues()).Set(StandardMeasure.FromSeriesName(name)!, p.Value);
            foreach (var (at, v) in values)
                (slots.TryGetValue(at, out var list) ? list : slots[at] = []).Add(new MeasureReading(device.Role, v, at));
        }
        var combined = slots.Select(s => (Time: s.Key, Values: PlantAggregation.Combine(s.Value, StandardMeasure.Series).Values)).ToList();
        IReadOnlyList<SeriesPoint> Curve(StandardMeasure m) =>
            combined.Where(c => c.Values[m] is not null).Select(c => new SeriesPoint(c.Time, Math.Round(c.Values[m]!.Value, 3))).ToList();
        return new Dictionary<string, IReadOnlyList<SeriesPoint>>
        {
            ["PV"] = Curve(StandardMeasure.PvKw),
            ["Battery"] = Curve(StandardMeasure.BatteryKw),
            ["Grid"] = Curve(StandardMeasure.GridKw),
            ["Load"] = Curve(StandardMeasure.LoadKw),
        };
    }

    public async Task<IReadOnlyList<DeviceSummary>> ListDevicesAsync(PlantScope scope, int plantId, CancellationToken ct = default)
    {
        if (!scope.Allows(plantId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vendor = await db.Plants.Where(p => p.Id == plantId).Join(db.Connections, p => p.ConnectionId, c => c.Id, (p, c) => (Connections.Vendor?)c.Vendor).SingleOrDefaultAsync(ct);
        return vendor is null ? [] : await DevicesAsync(db, plantId, vendor.Value, time.GetUtcNow(), ct);
    }

    public async Task<DeviceTelemetry?> GetDeviceAsync(PlantScope scope, int deviceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null || !scope.Allows(device.PlantId)) return null;
        var vendor = await db.Plants.Where(p => p.Id == device.PlantId).Join(db.Connections, p => p.ConnectionId, c => c.Id, (p, c) => c.Vendor).SingleAsync(ct);
        var latest = await db.LatestKpis.AsNoTracking().SingleOrDefaultAsync(k => k.DeviceId == deviceId, ct);
        var now = time.GetUtcNow();
        var values = latest is null ? new Dictionary<string, double?>() : KpiJson.Parse(latest.ValuesJson);
        var measures = StandardValues.Parse(latest?.StandardJson);
        var groups = catalogues.Label(vendor, device.VendorType, values);

        // Standard series first (the same for every vendor), then every numeric raw key the device reports.
        var charts = StandardMeasure.Series.Where(measures.Has).Select(m => new ChartChoice(m.SeriesName, m.Label, m.Unit))
            .Concat(groups.SelectMany(g => g.Values).Where(v => v.Kind == RawValueKind.Number && v.Value is not null)
                .Select(v => new ChartChoice(v.Key, $"{v.Label} ({v.Key})", v.Unit)).OrderBy(c => c.Label, StringComparer.Ordinal))
            .ToList();
        var preferred = catalogues.For(vendor).PreferredChartKeys.FirstOrDefault(k => charts.Any(c => c.Series == k)) ?? charts.FirstOrDefault()?.Series;
        var summary = Summary(device, catalogues.For(vendor).DeviceTypeName(device.VendorType), latest?.CollectedAt, now);
        return new DeviceTelemetry(summary, values, groups, measures, charts, preferred, latest?.CollectedAt, latest?.ReceivedAt, summary.IsStale);
    }

    /// <summary>Reports of a plant (or device) for local periods from <paramref name="fromLocal"/> to <paramref name="toLocal"/> (inclusive, same format as LocalStart).</summary>
    public async Task<IReadOnlyList<ReportPoint>> GetReportsAsync(PlantScope scope, int? plantId, int? deviceId, ReportPeriod period, string fromLocal, string toLocal, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AllowsAsync(db, scope, plantId, deviceId, ct)) return [];
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.PlantId == plantId && r.DeviceId == deviceId && r.Period == period && string.Compare(r.LocalStart, fromLocal) >= 0 && string.Compare(r.LocalStart, toLocal) <= 0)
            .OrderBy(r => r.LocalStart).ToListAsync(ct);
        return rows.Select(r => new ReportPoint(r.LocalStart, r.StartsAt, KpiJson.Parse(r.ValuesJson), StandardValues.Parse(r.StandardJson))).ToList();
    }

    /// <summary>
    /// A plant's standard energies per plant-local period from <paramref name="fromLocal"/> to <paramref name="toLocal"/>: what
    /// the vendor reports for the plant, else its devices' reports combined by role (<see cref="PlantAggregation"/>).
    /// </summary>
    public async Task<IReadOnlyList<EnergyPoint>> GetEnergyAsync(PlantScope scope, int plantId, ReportPeriod period, string fromLocal, string toLocal, CancellationToken ct = default)
    {
        if (!scope.Allows(plantId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await EnergyAsync(db, plantId, period, fromLocal, toLocal, ct);
    }

    /// <summary>How far back the plant's reports are loaded and where its history begins (null when out of scope).</summary>
    public async Task<HistoryReach?> GetHistoryReachAsync(PlantScope scope, int plantId, CancellationToken ct = default)
    {
        if (!scope.Allows(plantId)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plant = await db.Plants.AsNoTracking().Where(p => p.Id == plantId)
            .Select(p => new { p.HistoryLoadedFrom, p.GridConnectedAt, p.TimeZoneId }).SingleOrDefaultAsync(ct);
        if (plant is null) return null;
        var connected = plant.GridConnectedAt is { } at ? PlantTime.LocalDate(plant.TimeZoneId, at) : (DateOnly?)null;
        return new HistoryReach(plant.HistoryLoadedFrom, connected, PlantTime.LocalDate(plant.TimeZoneId, time.GetUtcNow()));
    }

    /// <summary>One series of a device (a raw key or a standard measure's series name) over a range, at most <paramref name="maxPoints"/> points (LTTB).</summary>
    public async Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(PlantScope scope, int deviceId, string kpi, DateTimeOffset from, DateTimeOffset to, int maxPoints = 2000, CancellationToken ct = default)
    {
        Connections.Vendor vendor;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await AllowsAsync(db, scope, null, deviceId, ct)) return [];
            vendor = await (from d in db.Devices join p in db.Plants on d.PlantId equals p.Id join c in db.Connections on p.ConnectionId equals c.Id
                            where d.Id == deviceId select c.Vendor).SingleAsync(ct);
        }
        var lifetime = StandardMeasure.FromSeriesName(kpi) is { } standard ? standard.Kind == MeasureKind.EnergyLifetime : mappings.For(vendor).IsLifetimeCounter(kpi);
        return await series.ReadForChartAsync(deviceId, kpi, from, to, maxPoints, lifetime, ct);
    }

    public async Task<IReadOnlyList<AlarmView>> GetAlarmsAsync(PlantScope scope, bool active, IReadOnlyCollection<int>? plantIds = null, int take = 500, CancellationToken ct = default)
    {
        plantIds = scope.Restrict(plantIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = from a in db.Alarms.AsNoTracking()
                    join p in db.Plants.AsNoTracking() on a.PlantId equals p.Id
                    join c in db.Connections.AsNoTracking() on p.ConnectionId equals c.Id
                    where (active ? a.ClearedAt == null : a.ClearedAt != null) && (plantIds == null || plantIds.Contains(a.PlantId))
                    select new { a, p.Name, p.TimeZoneId, c.Vendor };
        var rows = await query.ToListAsync(ct);
        return rows.Select(r => new AlarmView(r.a.Id, r.a.PlantId, r.Name, r.TimeZoneId, r.a.DeviceId, r.a.DeviceName,
                r.a.DeviceVendorType is { } type ? catalogues.For(r.Vendor).DeviceTypeName(type) : null, r.a.AlarmId, r.a.Name, r.a.Cause,
                r.a.RepairSuggestion, r.a.Level, r.a.RaisedAt, r.a.FirstSeenAt, r.a.LastSeenAt, r.a.ClearedAt))
            .OrderBy(a => a.Level).ThenByDescending(a => active ? a.RaisedAt : a.ClearedAt).Take(take).ToList();
    }

    private async Task<IReadOnlyList<EnergyPoint>> EnergyAsync(SolarDbContext db, int plantId, ReportPeriod period, string fromLocal, string toLocal, CancellationToken ct)
    {
        // Two index seeks (the plant's reports, its devices' reports) rather than one join the planner cannot use an index for.
        var own = await db.Reports.AsNoTracking()
            .Where(r => r.PlantId == plantId && r.Period == period && string.Compare(r.LocalStart, fromLocal) >= 0 && string.Compare(r.LocalStart, toLocal) <= 0)
            .Select(r => new { r.LocalStart, r.StartsAt, r.StandardJson, Role = (DeviceRole?)null }).ToListAsync(ct);
        var devices = await db.Devices.AsNoTracking().Where(d => d.PlantId == plantId).Select(d => new { d.Id, d.Role }).ToDictionaryAsync(d => d.Id, d => d.Role, ct);
        var ids = devices.Keys.ToList();
        var theirs = await db.Reports.AsNoTracking()
            .Where(r => r.DeviceId != null && ids.Contains(r.DeviceId.Value) && r.Period == period && string.Compare(r.LocalStart, fromLocal) >= 0 && string.Compare(r.LocalStart, toLocal) <= 0)
            .Select(r => new { r.LocalStart, r.StartsAt, r.StandardJson, r.DeviceId }).ToListAsync(ct);
        var rows = own.Concat(theirs.Select(r => new { r.LocalStart, r.StartsAt, r.StandardJson, Role = (DeviceRole?)devices[r.DeviceId!.Value] })).ToList();
        return rows.GroupBy(r => r.LocalStart).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new EnergyPoint(g.Key,
                g.Where(r => r.Role is null).Select(r => r.StartsAt).DefaultIfEmpty(g.Min(r => r.StartsAt)).First(),
                PlantAggregation.Combine(g.Select(r => new MeasureReading(r.Role, StandardValues.Parse(r.StandardJson), r.StartsAt)).ToList(), StandardMeasure.PeriodEnergy).Values))
            .Where(p => !p.Energy.IsEmpty).ToList();
    }

    private async Task<IReadOnlyList<DeviceSummary>> DevicesAsync(SolarDbContext db, int plantId, Connections.Vendor vendor, DateTimeOffset now, CancellationToken ct)
    {
        var devices = await db.Devices.AsNoTracking().Where(d => d.PlantId == plantId).ToListAsync(ct);
        var ids = devices.Select(d => d.Id).ToList();
        var latest = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null && ids.Contains(k.DeviceId.Value))
            .ToDictionaryAsync(k => k.DeviceId!.Value, k => k.CollectedAt, ct);
        var catalogue = catalogues.For(vendor);
        return devices.OrderBy(d => d.Role).ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => Summary(d, catalogue.DeviceTypeName(d.VendorType), latest.TryGetValue(d.Id, out var at) ? at : null, now)).ToList();
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

    private static DeviceSummary Summary(Device d, string typeName, DateTimeOffset? collectedAt, DateTimeOffset now) =>
        new(d.Id, d.PlantId, d.Name, d.Role, d.VendorType, typeName, d.Model, d.Firmware, d.SerialNumber, collectedAt, IsStale(collectedAt, now, 2 * RealTimeInterval));

    /// <summary>Per connection: twice the pace at which plant real-time data is actually fetched (at least 10 minutes).</summary>
    private static async Task<Dictionary<int, TimeSpan>> StaleAfterAsync(SolarDbContext db, List<int> connectionIds, CancellationToken ct)
    {
        var states = await db.SyncStates.AsNoTracking().Where(s => connectionIds.Contains(s.ConnectionId) && s.DataClass == RealTimeDataClass).ToListAsync(ct);
        return states.ToDictionary(s => s.ConnectionId, s => 2 * (s.PlannedInterval > RealTimeInterval ? s.PlannedInterval : RealTimeInterval));
    }

    private static bool IsStale(DateTimeOffset? at, DateTimeOffset now, TimeSpan limit) => at is null || now - at.Value > limit;

    private static string LocalDay(string timeZoneId, DateTimeOffset at) => PlantTime.LocalDate(timeZoneId, at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
