using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Vendors.FusionSolar.Wire;
using static SolarDashboard.Vendors.FusionSolar.Model.FusionSolarDeviceTypes;

namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>
/// Keeps one FusionSolar connection's cache fresh within its quota. Each <see cref="RunDueAsync"/> runs the jobs whose
/// time has come, in priority order, after checking the call log for what the job's budget window has already spent
/// (so a restart does not overspend). A 407/403/429 backs the job off to the next window and lowers its pace; a refused
/// password or consent stops the connection until a person acts. Vendor outages leave the cache as it was.
/// </summary>
public sealed class FusionSolarConnectionSync(
    int connectionId,
    bool oauth,
    FusionSolarClient client,
    ConnectionCallLog calls,
    CacheWriter writer,
    IDbContextFactory<SolarDbContext> dbFactory,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>How far back history is backfilled (the API serves the latest 365 days).</summary>
    public static readonly TimeSpan HistoryHorizon = TimeSpan.FromDays(364);

    /// <summary>Real-time jobs run this long after a 5-minute boundary, when the vendor has the new interval.</summary>
    public static readonly TimeSpan RealTimeOffset = TimeSpan.FromSeconds(30);

    private readonly Dictionary<DataClass, double> _slowdown = [];
    private readonly ReportBackfill _reports = new(connectionId, client, writer);
    private Inventory _inventory = Inventory.Empty;
    private bool _announced;

    /// <summary>Catching up waits while a throttle holds or after a vendor refusal (<see cref="CatchUpPause"/>).</summary>
    private DateTimeOffset _catchUpAfter = DateTimeOffset.MinValue;

    private static readonly TimeSpan CatchUpPause = TimeSpan.FromMinutes(5);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public SyncPlan Plan { get; private set; } = FusionSolarPlanner.Plan(oauth, Inventory.Empty);

    public async Task RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await db.Connections.SingleAsync(c => c.Id == connectionId, ct);
        if (connection.State is ConnectionState.CredentialsRejected or ConnectionState.NeedsReauthorization) return;
        var states = await db.SyncStates.Where(s => s.ConnectionId == connectionId).ToDictionaryAsync(s => s.DataClass, ct);
        _inventory = await InventoryAsync(db, ct);
        Plan = FusionSolarPlanner.Plan(oauth, _inventory);

        var anySuccess = false; // a round's last word on the connection state
        foreach (var dataClass in RunOrder)
        {
            var job = Plan.Job(dataClass); // the plan in force now: discovering devices changes it mid-round
            var key = job.Class.ToString();
            if (!states.TryGetValue(key, out var state))
            {
                state = new SyncState { ConnectionId = connectionId, DataClass = key, NextDueAt = now };
                db.SyncStates.Add(state);
                states[key] = state;
            }
            // Without plants there is nothing to ask for but the plant list itself.
            if (job.Class != DataClass.PlantList && Plan.Jobs.Single(j => j.Class == DataClass.PlantRealTime).CallsPerRun == 0) continue;
            state.PlannedInterval = job.Interval;
            if (job.Interval <= TimeSpan.Zero || state.NextDueAt > now) continue;
            if (!await BudgetAllowsAsync(db, job, now, ct))
            {
                state.NextDueAt = WindowEnd(job.Budget, now);
                continue;
            }
            var interval = job.Interval * _slowdown.GetValueOrDefault(job.Class, 1);
            try
            {
                await RunJobAsync(db, job.Class, state, now, ct);
                state.LastSuccessAt = now;
                state.LastError = null;
                state.NextDueAt = Next(job.Class, now, interval);
                anySuccess = true;
                if (job.Class == DataClass.DeviceList)
                {
                    _inventory = await InventoryAsync(db, ct);
                    Plan = FusionSolarPlanner.Plan(oauth, _inventory);
                }
                MarkConnected(connection, states, now);
            }
            catch (FusionSolarException ex)
            {
                state.LastFailureAt = now;
                state.LastError = ex.Error.Message;
                switch (ex.Error.Kind)
                {
                    case FusionSolarErrorKind.RateLimited or FusionSolarErrorKind.GatewayThrottled:
                        // The plan was wrong: wait for the next window (a gateway: at least a minute) and go slower from now on.
                        _slowdown[job.Class] = Math.Min(8, _slowdown.GetValueOrDefault(job.Class, 1) * 1.5);
                        state.NextDueAt = ex.Error.Kind == FusionSolarErrorKind.GatewayThrottled ? now + TimeSpan.FromMinutes(Math.Max(1, interval.TotalMinutes)) : WindowEnd(job.Budget, now);
                        _catchUpAfter = Later(_catchUpAfter, state.NextDueAt);
                        await RecordAsync(db, ct);
                        await db.SaveChangesAsync(ct);
                        return; // the whole connection pauses this round: the next call would meet the same throttle
                    case FusionSolarErrorKind.CredentialsRejected or FusionSolarErrorKind.ReauthorizationRequired:
                        // A person has to act (a new password, a new consent): stop until they do.
                        connection.State = ex.Error.Kind == FusionSolarErrorKind.CredentialsRejected
                            ? ConnectionState.CredentialsRejected : ConnectionState.NeedsReauthorization;
                        connection.LastError = ex.Error.Message;
                        await RecordAsync(db, ct);
                        await db.SaveChangesAsync(ct);
                        return;
                    case FusionSolarErrorKind.Unavailable or FusionSolarErrorKind.VendorError or FusionSolarErrorKind.SessionExpired:
                        connection.State = ConnectionState.Unreachable;
                        connection.LastError = ex.Error.Message;
                        state.NextDueAt = now + TimeSpan.FromMinutes(Math.Clamp(interval.TotalMinutes, 1, 15));
                        break;
                    default:
                        state.NextDueAt = now + Max(interval, TimeSpan.FromHours(1));
                        break;
                }
            }
            // Progress is saved job by job: pages see data as it arrives, and a restart mid-round loses nothing done.
            await RecordAsync(db, ct);
            await db.SaveChangesAsync(ct);
        }

        if (anySuccess) MarkConnected(connection, states, now);
        // Between the regular jobs' rounds too: the past is fetched at the pace the budget allows, not one batch per job.
        if ((anySuccess || connection.State == ConnectionState.Connected) && now >= _catchUpAfter) await CatchUpAsync(db, connection, states, now, ct);
        await RecordAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Past periods, from the headroom the round left: first the periods that just ended, then older history. A vendor
    /// refusal here ends only this part of the round (the next round checks the budget again); a refused password or
    /// consent stops the connection as in any job.
    /// </summary>
    private async Task CatchUpAsync(SolarDbContext db, VendorConnection connection, Dictionary<string, SyncState> states, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await CloseFinishedPeriodsAsync(db, states, now, ct);
            await _reports.RunAsync(db, states, c => HeadroomAsync(db, Plan.Job(c), states, now, ct, backfill: true),
                async () => { await RecordAsync(db, ct); await db.SaveChangesAsync(ct); }, now, ct);
        }
        catch (FusionSolarException ex)
        {
            // A throttle or an outage pauses the catching up as it pauses a job: no retry every round.
            _catchUpAfter = now + CatchUpPause;
            logger.LogInformation("FusionSolar connection {Id}: past reports paused ({Kind})", connectionId, ex.Error.Kind);
            if (ex.Error.Kind is FusionSolarErrorKind.CredentialsRejected or FusionSolarErrorKind.ReauthorizationRequired)
            {
                connection.State = ex.Error.Kind == FusionSolarErrorKind.CredentialsRejected ? ConnectionState.CredentialsRejected : ConnectionState.NeedsReauthorization;
                connection.LastError = ex.Error.Message;
            }
        }
    }

    /// <summary>
    /// How long after a plant-local period ends its reports are asked for again: ten minutes for the last interval to be
    /// in, plus an hour because a plant known by a fixed offset may have changed its clock that very night (the new
    /// offset is learned from the answer itself).
    /// </summary>
    public static readonly TimeSpan SettleDelay = TimeSpan.FromMinutes(70);

    private static readonly (DataClass Class, NbiReportPeriod Api, ReportPeriod Rows)[] Closable =
    [
        (DataClass.PlantDayReport, NbiReportPeriod.Day, ReportPeriod.Day),
        (DataClass.PlantHourReport, NbiReportPeriod.Hour, ReportPeriod.Hour),
        (DataClass.PlantMonthReport, NbiReportPeriod.Month, ReportPeriod.Month),
        (DataClass.PlantYearReport, NbiReportPeriod.Year, ReportPeriod.Year),
        // An inverter's day production (what REDEX is sent) loses the month's last day on the 1st, as a plant's does.
        (DataClass.DeviceDayReport, NbiReportPeriod.Day, ReportPeriod.Day),
    ];

    /// <summary>
    /// Once a plant's day, month or year has ended, the reports that still hold it unfinished are fetched once more,
    /// promptly (<see cref="FinishedPeriod"/>): on the 1st the owner sees last month's full total at once. Day reports go
    /// first: their midnights label the hours of a day whose clock changed. Paid from the headroom the planner
    /// leaves each report API (<see cref="FusionSolarPlanner.ClosingCallsPerDay"/>); what does not fit waits a round.
    /// The newest period closed for every plant is kept in the database ("{class}.Closed"), so a restart does not ask twice.
    /// </summary>
    private async Task CloseFinishedPeriodsAsync(SolarDbContext db, Dictionary<string, SyncState> states, DateTimeOffset now, CancellationToken ct)
    {
        var plants = await db.Plants.Where(p => p.ConnectionId == connectionId).OrderBy(p => p.Id).ToListAsync(ct);
        if (plants.Count == 0) return;
        var plantsByCode = plants.ToDictionary(p => p.VendorKey, p => p.Id);
        foreach (var (dataClass, api, rows) in Closable)
        {
            var key = dataClass + ".Closed";
            if (!states.TryGetValue(key, out var closed))
            {
                closed = new SyncState { ConnectionId = connectionId, DataClass = key, NextDueAt = now };
                db.SyncStates.Add(closed);
                states[key] = closed;
            }
            var finished = plants.Select(p => (Plant: p, Period: FinishedPeriod.Previous(rows, p.TimeZoneId, now))).ToList();
            var waiting = finished.Where(f => f.Period.EndUtc + SettleDelay <= now
                && string.CompareOrdinal(f.Period.Key, closed.Cursor) > 0 && !_closedThisRun.Contains((dataClass, f.Plant.Id, f.Period.Key))
                && !(f.Plant.GridConnectedAt >= f.Period.EndUtc)).ToList();
            if (!FinishedPeriod.ClosesEachPlantAtOnce(rows) && finished.Any(f => f.Period.EndUtc + SettleDelay > now)) continue;
            foreach (var (collectTime, members) in FinishedPeriod.CallGroups(waiting.Select(w => (w.Plant, w.Period))))
                foreach (var batch in members.Chunk(FusionSolarClient.MaxPlantsPerCall))
                {
                    if (!await FetchFinishedAsync(db, states, (dataClass, api, rows), batch, collectTime, plantsByCode, now, ct)) return;
                    foreach (var plant in batch) _closedThisRun.Add((dataClass, plant.Id, FinishedPeriod.Previous(rows, plant.TimeZoneId, now).Key));
                    await RecordAsync(db, ct);
                    await db.SaveChangesAsync(ct);
                }
            // The cursor moves once every plant has its period closed (or had nothing to close in it).
            bool Done((Plant Plant, FinishedPeriod Period) f) => string.CompareOrdinal(f.Period.Key, closed.Cursor) <= 0
                || _closedThisRun.Contains((dataClass, f.Plant.Id, f.Period.Key)) || f.Plant.GridConnectedAt >= f.Period.EndUtc;
            if (finished.All(Done))
            {
                closed.Cursor = finished.Select(f => f.Period.Key).Min(StringComparer.Ordinal);
                _closedThisRun.RemoveWhere(c => c.Item1 == dataClass && string.CompareOrdinal(c.Item3, closed.Cursor) <= 0);
            }
        }
    }

    /// <summary>
    /// Asks once more for a call group's finished period: the plants' reports, or the day reports of their devices. False
    /// when the budget has no room for the next call (the rest waits a round).
    /// </summary>
    private async Task<bool> FetchFinishedAsync(SolarDbContext db, Dictionary<string, SyncState> states, (DataClass Class, NbiReportPeriod Api, ReportPeriod Rows) report,
        IReadOnlyList<Plant> batch, DateTimeOffset collectTime, Dictionary<string, int> plantsByCode, DateTimeOffset now, CancellationToken ct)
    {
        var (dataClass, api, rows) = report;
        if (dataClass != DataClass.DeviceDayReport)
        {
            if (!await HeadroomAsync(db, Plan.Job(dataClass), states, now, ct)) return false;
            var answer = await client.GetPlantReportAsync(api, batch.Select(p => p.VendorKey).ToList(), collectTime, ct);
            foreach (var group in answer.Where(r => r.StationCode is not null && r.CollectTime is not null).GroupBy(r => r.StationCode!))
                if (plantsByCode.TryGetValue(group.Key, out var plantId))
                    await writer.WriteReportsAsync(plantId, null, group.Select(r => new ReportRow(rows, r.CollectTime!.Value, r.Values)).ToList(), now, ct);
            return true;
        }
        var plantIds = batch.Select(p => p.Id).ToList();
        var devices = await db.Devices.Where(d => plantIds.Contains(d.PlantId)).OrderBy(d => d.Id).ToListAsync(ct);
        var devicesByVendor = devices.ToDictionary(DevIdOf);
        foreach (var type in devices.Where(d => FusionSolarPlanner.ReportTypes.Contains(TypeOf(d))).GroupBy(TypeOf))
            foreach (var chunk in type.Chunk(FusionSolarClient.MaxDevicesPerCall))
            {
                if (!await HeadroomAsync(db, Plan.Job(dataClass), states, now, ct)) return false;
                var answer = await client.GetDeviceReportAsync(api, type.Key, chunk.Select(DevIdOf).ToList(), collectTime, ct);
                foreach (var group in answer.Where(r => r.DeviceId is not null && r.CollectTime is not null).GroupBy(r => r.DeviceId!.Value))
                    if (devicesByVendor.TryGetValue(group.Key, out var device))
                        await writer.WriteReportsAsync(null, device.Id, group.Select(r => new ReportRow(rows, r.CollectTime!.Value, r.Values)).ToList(), now, ct);
            }
        return true;
    }

    /// <summary>Plants whose period was closed since the cursor last moved (class, plant, period key).</summary>
    private readonly HashSet<(DataClass, int, string)> _closedThisRun = [];

    /// <summary>
    /// Whether one more call of <paramref name="job"/>'s API fits its budget window next to the regular runs still planned
    /// in it: the API's own budget for an API account, the shared basic budget for an OAuth owner. A
    /// <paramref name="backfill"/> call also leaves the calls the plan keeps for closing periods that end (which would
    /// otherwise wait a day), and for an OAuth owner goes before the older 5-minute history.
    /// </summary>
    private async Task<bool> HeadroomAsync(SolarDbContext db, PlannedJob job, Dictionary<string, SyncState> states, DateTimeOffset now, CancellationToken ct,
        bool backfill = false)
    {
        var start = WindowStart(job.Budget, now);
        var end = start + job.Budget.Window;
        int Remaining(PlannedJob j)
        {
            if (j.Interval <= TimeSpan.Zero) return 0;
            var next = states.TryGetValue(j.Class.ToString(), out var s) && s.NextDueAt > now ? s.NextDueAt : now;
            return next >= end ? 0 : j.CallsPerRun * (1 + (int)((end - next) / j.Interval));
        }
        var apis = oauth ? null : new[] { job.Api };
        var spent = await db.Calls.CountAsync(c => c.ConnectionId == connectionId && c.At >= start && (apis == null || apis.Contains(c.Api)) && !c.Api.StartsWith("control/"), ct);
        var planned = oauth ? Plan.Jobs.Where(j => !backfill || j.Class != DataClass.HistoryBackfill).Sum(Remaining) : Remaining(job);
        if (backfill)
            planned += oauth ? Enum.GetValues<DataClass>().Sum(c => FusionSolarPlanner.ClosingCallsPerDay(c, _inventory)) : FusionSolarPlanner.ClosingCallsPerDay(job.Class, _inventory);
        var limit = oauth ? FusionSolarPlanner.OAuthBasicPerDay : job.Budget.Limit;
        return spent + 1 + planned <= (int)Math.Floor(limit * (1 - FusionSolarPlanner.Reserve));
    }

    /// <summary>Connected once a job succeeded and none failed in this round.</summary>
    private void MarkConnected(VendorConnection connection, Dictionary<string, SyncState> states, DateTimeOffset now)
    {
        connection.LastSuccessAt = now;
        if (states.Values.Any(s => s.LastFailureAt == now)) return;
        // Said once per process start and on every recovery, so a log reader sees the connection come up.
        if (connection.State != ConnectionState.Connected || !_announced) logger.LogInformation("FusionSolar connection {Id} is connected", connectionId);
        _announced = true;
        connection.State = ConnectionState.Connected;
        connection.LastError = null;
    }

    /// <summary>
    /// Discovery first, then what people watch (real-time, alarms), then reports, then history. Day reports come before
    /// hour reports: they teach the plant's current UTC offset, which the hour labels need.
    /// </summary>
    private static readonly DataClass[] RunOrder =
    [
        DataClass.PlantList, DataClass.DeviceList, DataClass.PlantRealTime, DataClass.DeviceRealTime, DataClass.Alarms,
        DataClass.PlantDayReport, DataClass.PlantHourReport, DataClass.PlantMonthReport, DataClass.PlantYearReport,
        DataClass.DeviceDayReport, DataClass.DeviceMonthReport, DataClass.DeviceYearReport, DataClass.History, DataClass.HistoryBackfill,
    ];

    private Task RecordAsync(SolarDbContext db, CancellationToken ct)
    {
        calls.MoveTo(db);
        return Task.CompletedTask;
    }

    /// <summary>Calls already spent in the job's budget window (from the persisted call log) plus this run's must fit.</summary>
    private async Task<bool> BudgetAllowsAsync(SolarDbContext db, PlannedJob job, DateTimeOffset now, CancellationToken ct)
    {
        var start = WindowStart(job.Budget, now);
        var apis = oauth ? null : new[] { job.Api };
        var spent = await db.Calls.CountAsync(c => c.ConnectionId == connectionId && c.At >= start && (apis == null || apis.Contains(c.Api)) && !c.Api.StartsWith("control/"), ct)
            + db.ChangeTracker.Entries<VendorCall>().Count(e => e.State == EntityState.Added && e.Entity.At >= start && (apis == null || apis.Contains(e.Entity.Api)));
        var limit = oauth ? (int)(FusionSolarPlanner.OAuthBasicPerDay * (1 - FusionSolarPlanner.Reserve)) : job.Budget.Limit;
        return spent + job.CallsPerRun <= limit;
    }

    private static DateTimeOffset WindowStart(Budget budget, DateTimeOffset now) => new(now.UtcTicks - now.UtcTicks % budget.Window.Ticks, TimeSpan.Zero);

    private static DateTimeOffset WindowEnd(Budget budget, DateTimeOffset now) => WindowStart(budget, now) + budget.Window;

    private static DateTimeOffset Next(DataClass c, DateTimeOffset now, TimeSpan interval)
    {
        if (c is not (DataClass.PlantRealTime or DataClass.DeviceRealTime)) return now + interval;
        // Align real-time to 5-minute boundaries (+30 s), when a new interval is available.
        var step = TimeSpan.FromMinutes(5).Ticks;
        var next = now + interval;
        var aligned = new DateTimeOffset(next.UtcTicks - next.UtcTicks % step, TimeSpan.Zero) + RealTimeOffset;
        return aligned <= now ? aligned + TimeSpan.FromMinutes(5) : aligned;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task<Inventory> InventoryAsync(SolarDbContext db, CancellationToken ct)
    {
        var plants = await db.Plants.CountAsync(p => p.ConnectionId == connectionId, ct);
        var types = await db.Devices.Where(d => db.Plants.Any(p => p.Id == d.PlantId && p.ConnectionId == connectionId))
            .GroupBy(d => d.VendorType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new Inventory(plants, types.ToDictionary(t => Parse(t.Key), t => t.Count));
    }

    private async Task RunJobAsync(SolarDbContext db, DataClass c, SyncState state, DateTimeOffset now, CancellationToken ct)
    {
        var plants = await db.Plants.Where(p => p.ConnectionId == connectionId).OrderBy(p => p.Id).ToListAsync(ct);
        var devices = await db.Devices.Where(d => db.Plants.Any(p => p.Id == d.PlantId && p.ConnectionId == connectionId)).OrderBy(d => d.Id).ToListAsync(ct);
        var plantsByCode = plants.ToDictionary(p => p.VendorKey, p => p.Id);
        var devicesByVendor = devices.ToDictionary(DevIdOf);
        switch (c)
        {
            case DataClass.PlantList:
            {
                var found = new List<PlantInfo>();
                for (var page = 1; ; page++)
                {
                    var result = await client.GetPlantsAsync(page, ct);
                    found.AddRange(result.Plants.Select(p => new PlantInfo(p.Code, p.Name, p.Address, p.Latitude, p.Longitude, p.CapacityKwp,
                        plants.FirstOrDefault(k => k.VendorKey == p.Code)?.TimeZoneId ?? PlantTime.FormatOffset(p.GridConnection?.Offset ?? TimeSpan.Zero),
                        p.GridConnection, p.ContactPerson)));
                    if (page >= result.PageCount || result.Plants.Count == 0) break;
                }
                await writer.UpsertCatalogAsync(connectionId, found, null, now, ct);
                break;
            }
            case DataClass.DeviceList:
            {
                var found = new List<DeviceInfo>();
                foreach (var batch in plants.Chunk(FusionSolarClient.MaxPlantsPerCall))
                    found.AddRange((await client.GetDevicesAsync(batch.Select(p => p.VendorKey).ToList(), ct))
                        .Select(d => new DeviceInfo(d.StationCode, Key(d.Id), d.Sn, d.Name, RoleOf(d.TypeId), Text(d.TypeId), d.Model, d.SoftwareVersion, d.OptimizerNumber)));
                await writer.UpsertCatalogAsync(connectionId, [], found, now, ct);
                break;
            }
            case DataClass.PlantRealTime:
            {
                var snapshots = new Dictionary<int, KpiSnapshot>();
                foreach (var batch in plants.Chunk(FusionSolarClient.MaxPlantsPerCall))
                    foreach (var row in await client.GetPlantRealTimeAsync(batch.Select(p => p.VendorKey).ToList(), ct))
                        if (row.StationCode is { } code && plantsByCode.TryGetValue(code, out var id))
                            snapshots[id] = RealTimeSnapshot(row, now);
                await writer.WritePlantKpisAsync(snapshots, now, ct);
                break;
            }
            case DataClass.DeviceRealTime:
            {
                var snapshots = new Dictionary<int, KpiSnapshot>();
                foreach (var type in devices.Where(d => FusionSolarPlanner.RealTimeTypes.Contains(TypeOf(d))).GroupBy(TypeOf))
                    foreach (var batch in type.Chunk(FusionSolarClient.MaxDevicesPerCall))
                        foreach (var row in await client.GetDeviceRealTimeAsync(type.Key, batch.Select(DevIdOf).ToList(), ct))
                            if (row.DeviceId is { } id && devicesByVendor.TryGetValue(id, out var device))
                                snapshots[device.Id] = RealTimeSnapshot(row, now);
                await writer.WriteDeviceKpisAsync(snapshots, now, ct);
                break;
            }
            case DataClass.Alarms:
                foreach (var batch in plants.Chunk(FusionSolarClient.MaxPlantsPerCall))
                {
                    var alarms = await client.GetActiveAlarmsAsync(batch.Select(p => p.VendorKey).ToList(), now - TimeSpan.FromDays(365), now, ct: ct);
                    await writer.TrackAlarmsAsync(batch.ToDictionary(p => p.VendorKey, p => p.Id),
                        alarms.Select(a => new ActiveAlarm(a.StationCode, a.Sn, a.DeviceName, a.DeviceTypeId is { } t ? Text(t) : null, a.AlarmId, a.CauseId, a.Name, a.Cause,
                            a.RepairSuggestion, a.Level, a.AlarmType, a.RaisedAt)).ToList(), now, ct);
                }
                break;
            case DataClass.PlantHourReport or DataClass.PlantDayReport or DataClass.PlantMonthReport or DataClass.PlantYearReport:
            {
                var period = c switch
                {
                    DataClass.PlantHourReport => (NbiReportPeriod.Hour, ReportPeriod.Hour),
                    DataClass.PlantDayReport => (NbiReportPeriod.Day, ReportPeriod.Day),
                    DataClass.PlantMonthReport => (NbiReportPeriod.Month, ReportPeriod.Month),
                    _ => (NbiReportPeriod.Year, ReportPeriod.Year),
                };
                foreach (var batch in plants.Chunk(FusionSolarClient.MaxPlantsPerCall))
                {
                    var rows = await client.GetPlantReportAsync(period.Item1, batch.Select(p => p.VendorKey).ToList(), now, ct);
                    foreach (var group in rows.Where(r => r.StationCode is not null && r.CollectTime is not null).GroupBy(r => r.StationCode!))
                        if (plantsByCode.TryGetValue(group.Key, out var plantId))
                            await writer.WriteReportsAsync(plantId, null, group.Select(r => new ReportRow(period.Item2, r.CollectTime!.Value, r.Values)).ToList(), now, ct);
                }
                break;
            }
            case DataClass.DeviceDayReport or DataClass.DeviceMonthReport or DataClass.DeviceYearReport:
            {
                var period = c switch
                {
                    DataClass.DeviceDayReport => (NbiReportPeriod.Day, ReportPeriod.Day),
                    DataClass.DeviceMonthReport => (NbiReportPeriod.Month, ReportPeriod.Month),
                    _ => (NbiReportPeriod.Year, ReportPeriod.Year),
                };
                foreach (var type in devices.Where(d => FusionSolarPlanner.ReportTypes.Contains(TypeOf(d))).GroupBy(TypeOf))
                    foreach (var batch in type.Chunk(FusionSolarClient.MaxDevicesPerCall))
                    {
                        var rows = await client.GetDeviceReportAsync(period.Item1, type.Key, batch.Select(DevIdOf).ToList(), now, ct);
                        foreach (var group in rows.Where(r => r.DeviceId is not null && r.CollectTime is not null).GroupBy(r => r.DeviceId!.Value))
                            if (devicesByVendor.TryGetValue(group.Key, out var device))
                                await writer.WriteReportsAsync(null, device.Id, group.Select(r => new ReportRow(period.Item2, r.CollectTime!.Value, r.Values)).ToList(), now, ct);
                    }
                break;
            }
            case DataClass.History:
                foreach (var group in HistoryGroups(devices))
                    await FetchHistoryAsync(group, now - FusionSolarClient.MaxHistorySpan, now, devicesByVendor, ct);
                break;
            case DataClass.HistoryBackfill:
                await BackfillAsync(db, devices, plants, state, now, devicesByVendor, ct);
                break;
        }
    }

    /// <summary>The device groups of history calls: one type, at most 10 devices.</summary>
    private static List<Core.Plants.Device[]> HistoryGroups(IEnumerable<Core.Plants.Device> devices) =>
        devices.Where(d => FusionSolarPlanner.HistoryTypes.Contains(TypeOf(d))).GroupBy(TypeOf).OrderBy(g => g.Key)
            .SelectMany(g => g.Chunk(FusionSolarClient.MaxHistoryDevices)).ToList();

    private async Task FetchHistoryAsync(Core.Plants.Device[] group, DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<long, Core.Plants.Device> devicesByVendor, CancellationToken ct)
    {
        var rows = await client.GetDeviceHistoryAsync(TypeOf(group[0]), group.Select(DevIdOf).ToList(), from, to, ct);
        await writer.WriteHistoryAsync(rows.Where(r => r.DeviceId is { } id && devicesByVendor.ContainsKey(id) && r.CollectTime is not null)
            .Select(r => (devicesByVendor[r.DeviceId!.Value].Id, new KpiSnapshot(r.CollectTime!.Value, r.Values))), ct);
    }

    /// <summary>
    /// One backfill call: the group and 3-day window the cursor points at, walking back from the newest days; the cursor
    /// (persisted in the sync state) lets a restart resume where it stopped. A window already covered is skipped.
    /// </summary>
    private async Task BackfillAsync(SolarDbContext db, List<Core.Plants.Device> devices, List<Plant> plants, SyncState state, DateTimeOffset now,
        IReadOnlyDictionary<long, Core.Plants.Device> devicesByVendor, CancellationToken ct)
    {
        var groups = HistoryGroups(devices);
        if (groups.Count == 0) return;
        var oldestAllowed = now - HistoryHorizon;
        var (windowEnd, index) = ParseCursor(state.Cursor, now - FusionSolarClient.MaxHistorySpan);
        for (var attempts = 0; attempts < groups.Count * 200; attempts++)
        {
            if (index >= groups.Count) { index = 0; windowEnd -= FusionSolarClient.MaxHistorySpan; }
            if (windowEnd <= oldestAllowed) { state.Cursor = Cursor(now - FusionSolarClient.MaxHistorySpan, 0); return; } // all done: start over for gaps
            var group = groups[index];
            var windowStart = windowEnd - FusionSolarClient.MaxHistorySpan;
            var connected = plants.Where(p => group.Any(d => d.PlantId == p.Id)).Min(p => p.GridConnectedAt) ?? oldestAllowed;
            if (windowEnd <= connected || await CoveredAsync(db, group, windowStart, windowEnd, ct)) { index++; continue; }
            await FetchHistoryAsync(group, windowStart < oldestAllowed ? oldestAllowed : windowStart, windowEnd, devicesByVendor, ct);
            state.Cursor = Cursor(windowEnd, index + 1);
            return;
        }
    }

    /// <summary>A window counts as covered when every device of the group has series rows for each of its days.</summary>
    private static async Task<bool> CoveredAsync(SolarDbContext db, Core.Plants.Device[] group, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var ids = group.Select(d => d.Id).ToList();
        int first = SeriesPacking.DayOf(from), last = SeriesPacking.DayOf(to) - 1;
        if (last < first) return true;
        var present = await db.Series.Where(s => ids.Contains(s.DeviceId) && s.Day >= first && s.Day <= last)
            .Select(s => new { s.DeviceId, s.Day }).Distinct().CountAsync(ct);
        return present >= ids.Count * (last - first + 1);
    }

    private static (DateTimeOffset WindowEnd, int Index) ParseCursor(string? cursor, DateTimeOffset fallback)
    {
        var parts = cursor?.Split('|');
        return parts is { Length: 2 } && DateTimeOffset.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var end)
            && int.TryParse(parts[1], out var i) ? (end, i) : (fallback, 0);
    }

    private static string Cursor(DateTimeOffset windowEnd, int index) => $"{windowEnd.UtcDateTime:O}|{index}";

    /// <summary>
    /// Real-time answers carry no collect time: the vendor's clock (params.currentTime) floored to 5 minutes is when the
    /// latest interval ended, and the values describe that interval.
    /// </summary>
    private static KpiSnapshot RealTimeSnapshot(NbiKpiRow row, DateTimeOffset now)
    {
        var answered = row.AnsweredAt ?? now;
        var end = new DateTimeOffset(answered.UtcTicks - answered.UtcTicks % TimeSpan.FromMinutes(5).Ticks, TimeSpan.Zero);
        return new KpiSnapshot(end, row.Values, end - TimeSpan.FromMinutes(5));
    }
}
