using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Sync;
using SolarDashboard.Vendors.Atess.Model;
using SolarDashboard.Vendors.Atess.Wire;

namespace SolarDashboard.Vendors.Atess.Sync;

/// <summary>
/// Keeps one ATESS account's cache fresh within "once every 5 minutes" per endpoint and target. Each round: discovery
/// when due (plants, then each plant's datalogs, then each datalog's devices per family, hourly), every device's latest
/// upload once per acquisition period, and one history page per device per period, newest gap first, until each
/// device's history is complete back to when its datalog was added (at most <see cref="AtessSyncOptions.HistoryHorizon"/>). What history
/// holds is remembered per device (<see cref="HistoryCoverage"/>): no row is asked for twice. Every call waits for its
/// endpoint and target's period, counted from the persisted call log after a restart, so a planned call is never
/// refused; a refusal all the same waits for the time the vendor names.
/// </summary>
public sealed class AtessConnectionSync(
    int connectionId,
    AtessClient client,
    Func<IReadOnlyList<AtessCallRecord>> drainCalls,
    CacheWriter writer,
    IDbContextFactory<SolarDbContext> dbFactory,
    TimeProvider time,
    Func<TimeSpan> historyHorizon,
    ILogger logger)
{
    public static readonly TimeSpan DiscoveryInterval = TimeSpan.FromHours(1);

    /// <summary>Added to every wait: the vendor's clock and ours may differ by a few seconds.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>A history request's span: six days of 5-minute rows (1,728, one more hour on a DST day) fit one page of 2,000.</summary>
    public static readonly TimeSpan WindowSpan = TimeSpan.FromDays(6);

    /// <summary>A device whose datalog lost contact sends nothing new: its latest upload is asked for this often only.</summary>
    public static readonly TimeSpan LostInterval = TimeSpan.FromMinutes(30);

    /// <summary>Calls older than this leave the call log (a large fleet makes tens of thousands a day).</summary>
    public static readonly TimeSpan CallLogKept = TimeSpan.FromDays(2);

    public const string PlantListClass = "PlantList", DataLogListClass = "DataLogList", DeviceListClass = "DeviceList", InventoryClass = "Inventory";
    public const string RealTimeClass = PlantQueries.RealTimeDataClass;
    public const string HistoryPrefix = "History:";

    private static readonly AtessFamily[] Families = Enum.GetValues<AtessFamily>();

    /// <summary>When each endpoint and target may be read again (call-log key → instant).</summary>
    private readonly Dictionary<string, DateTimeOffset> _nextCall = new(StringComparer.Ordinal);

    /// <summary>When each discovery target was last read successfully (call-log key → instant).</summary>
    private readonly Dictionary<string, DateTimeOffset> _done = new(StringComparer.Ordinal);

    /// <summary>Changes asked for between rounds (onboarding), applied at the start of the next round.</summary>
    private readonly ConcurrentQueue<Action<Round>> _hints = new();

    private bool _seeded, _announced;
    private DateTimeOffset _pausedUntil, _prunedAt;
    private int _refusedInARow, _throttledInARow;

    /// <summary>The call log's name of a call: method, path and target ("GET hps/data-last UHC0O25263").</summary>
    public static string CallKey(string api, string? target) => target is null ? api : $"{api} {target}";

    private enum Outcome { Done, Skipped, Stop }

    /// <summary>A datalog was added to the plant: list the plant's datalogs (and then their devices) as soon as the limit allows.</summary>
    public void Rediscover(string plantKey) => _hints.Enqueue(r =>
    {
        _done.Remove(CallKey("GET datalog/list", plantKey));
        State(r, DataLogListClass).NextDueAt = r.Now;
    });

    /// <summary>The datalog was removed (or its plant deleted): forget it and its devices, so adding it again rediscovers them.</summary>
    public void Forget(string dataLogSn) => _hints.Enqueue(r =>
    {
        ForgetDataLog(r.Inventory, dataLogSn);
        SaveInventory(r);
    });

    private void ForgetDataLog(AtessInventory inventory, string dataLogSn)
    {
        inventory.DataLogs.Remove(dataLogSn);
        foreach (var sn in inventory.Devices.Where(d => d.Value.DataLogSn == dataLogSn).Select(d => d.Key).ToList()) inventory.Devices.Remove(sn);
        foreach (var family in Families) _done.Remove(CallKey("GET " + AtessPaths.Of(family).BaseInfoList, dataLogSn));
    }

    /// <summary>One round's shared state.</summary>
    private sealed class Round(SolarDbContext db, VendorConnection connection, Dictionary<string, SyncState> states, AtessInventory inventory, DateTimeOffset now)
    {
        public SolarDbContext Db { get; } = db;
        public VendorConnection Connection { get; } = connection;
        public Dictionary<string, SyncState> States { get; } = states;
        public AtessInventory Inventory { get; } = inventory;
        public DateTimeOffset Now { get; } = now;
        public bool AnySuccess { get; set; }
        public bool AnyFailure { get; set; }
    }

    public async Task RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now < _pausedUntil) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await db.Connections.SingleAsync(c => c.Id == connectionId, ct);
        if (connection.State is ConnectionState.CredentialsRejected or ConnectionState.Disconnected) return;
        if (!_seeded) await SeedFromCallLogAsync(db, now, ct);
        var states = await db.SyncStates.Where(s => s.ConnectionId == connectionId).ToDictionaryAsync(s => s.DataClass, ct);
        var round = new Round(db, connection, states, AtessInventory.Parse(states.GetValueOrDefault(InventoryClass)?.Cursor), now);
        while (_hints.TryDequeue(out var hint)) hint(round);

        var stopped = false;
        foreach (var job in new Func<Round, CancellationToken, Task<Outcome>>[] { PlantListAsync, DataLogListAsync, DeviceListAsync, RealTimeAsync, HistoryAsync })
        {
            if (await job(round, ct) == Outcome.Stop) { stopped = true; break; }
            await SaveAsync(round, ct); // progress is kept job by job: pages see data as it arrives
        }
        if (!stopped && round.AnySuccess && !round.AnyFailure) MarkConnected(connection);
        else if (!stopped && round.AnySuccess) connection.LastSuccessAt = now;
        await SaveAsync(round, ct);
        if (now - _prunedAt >= DiscoveryInterval)
        {
            _prunedAt = now;
            var before = now - CallLogKept;
            await db.Calls.Where(c => c.ConnectionId == connectionId && c.At < before).ExecuteDeleteAsync(ct);
        }
    }

    // ---- Discovery ----

    private async Task<Outcome> PlantListAsync(Round r, CancellationToken ct)
    {
        var state = State(r, PlantListClass);
        if (state.NextDueAt > r.Now) return Outcome.Skipped;
        var page = int.TryParse(state.Cursor, CultureInfo.InvariantCulture, out var p) && p > 1 ? p : 1;
        const string key = "GET plant/list";
        var outcome = await CallAsync(r, state, key, async () =>
        {
            var answer = await client.ListPlantsAsync(page, AtessClient.MaxPlantPageSize, ct);
            await writer.UpsertCatalogAsync(connectionId, answer.Items.Select(ToPlantInfo).ToList(), null, r.Now, ct);
            state.Cursor = answer.HasMore ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
            _refusedInARow = 0;
        }, ct);
        if (outcome == Outcome.Done)
        {
            state.NextDueAt = state.Cursor is null ? r.Now + DiscoveryInterval : Allowed(key);
            State(r, DataLogListClass).NextDueAt = r.Now; // their datalogs next
        }
        // "No access" to the plant list, which names no plant, is the key itself refused. Twice in a row (a gateway may
        // refuse once) stops the connection until someone enters a new key.
        if (_refusedInARow >= 2)
        {
            r.Connection.State = ConnectionState.CredentialsRejected;
            r.Connection.LastError = "ATESS refused the account id or API key. Enter a new API key for this connection.";
            logger.LogWarning("ATESS connection {Id}: the API key was refused twice in a row; the connection stops until it changes", connectionId);
            return Outcome.Stop;
        }
        return outcome;
    }

    private async Task<Outcome> DataLogListAsync(Round r, CancellationToken ct)
    {
        var state = State(r, DataLogListClass);
        if (state.NextDueAt > r.Now) return Outcome.Skipped;
        var plants = await r.Db.Plants.AsNoTracking().Where(p => p.ConnectionId == connectionId).OrderBy(p => p.Id).ToListAsync(ct);
        if (plants.Count == 0) return Outcome.Skipped; // the plant list comes first
        var found = new List<DeviceInfo>();
        var complete = true;
        foreach (var plant in plants)
        {
            if (!long.TryParse(plant.VendorKey, NumberStyles.Integer, CultureInfo.InvariantCulture, out var plantId)) continue;
            var key = CallKey("GET datalog/list", plant.VendorKey);
            if (Recently(key, r.Now)) continue;
            var outcome = await CallAsync(r, state, key, async () =>
            {
                var logs = await client.ListDataLogsAsync(plantId, ct);
                // A datalog the plant no longer lists was removed: its devices are no longer read.
                foreach (var gone in r.Inventory.DataLogs.Where(l => l.Value.PlantKey == plant.VendorKey && logs.All(x => x.DataLogSn != l.Key)).Select(l => l.Key).ToList())
                    ForgetDataLog(r.Inventory, gone);
                foreach (var log in logs)
                {
                    var added = AtessTime.TryParse(log.CreateTime, out var wall) ? AtessTime.ToUtc(plant.TimeZoneId, wall) : (DateTimeOffset?)null;
                    r.Inventory.DataLogs[log.DataLogSn] = new(plant.VendorKey, log.Lost == true, added);
                    found.Add(new DeviceInfo(plant.VendorKey, log.DataLogSn, log.DataLogSn, "Datalog", DeviceRole.Logger, AtessDeviceTypes.DataLog, null, log.FirmwareVersion, null));
                }
                _done[key] = r.Now;
            }, ct);
            if (outcome == Outcome.Stop) break;
            complete &= outcome == Outcome.Done;
        }
        if (found.Count > 0) await writer.UpsertCatalogAsync(connectionId, [], found, r.Now, ct);
        SaveInventory(r);
        if (r.Connection.State is ConnectionState.CredentialsRejected || _pausedUntil > r.Now) return Outcome.Stop;
        state.NextDueAt = complete ? r.Now + DiscoveryInterval : r.Now + AtessClient.AcquisitionPeriod + Margin;
        if (complete) State(r, DeviceListClass).NextDueAt = r.Now; // new datalogs: their devices next
        return Outcome.Done;
    }

    private async Task<Outcome> DeviceListAsync(Round r, CancellationToken ct)
    {
        var state = State(r, DeviceListClass);
        if (state.NextDueAt > r.Now || r.Inventory.DataLogs.Count == 0) return Outcome.Skipped;
        var complete = true;
        var found = new List<DeviceInfo>();
        foreach (var (logSn, log) in r.Inventory.DataLogs.OrderBy(l => l.Key, StringComparer.Ordinal).ToList())
            foreach (var family in Families.TakeWhile(_ => r.Connection.State is not ConnectionState.CredentialsRejected && _pausedUntil <= r.Now))
            {
                var key = CallKey("GET " + AtessPaths.Of(family).BaseInfoList, logSn);
                if (Recently(key, r.Now)) continue;
                var outcome = await CallAsync(r, state, key, async () =>
                {
                    var devices = await client.ListBaseInfoAsync(family, logSn, ct);
                    foreach (var d in devices) r.Inventory.Devices[d.DeviceSn] = new(family, logSn);
                    if (devices.Any(d => d.Lost is not null)) r.Inventory.DataLogs[logSn] = log with { Lost = devices.Any(d => d.Lost == true) };
                    found.AddRange(devices.Select(d => Device(log.PlantKey, family, d)));
                    _done[key] = r.Now;
                }, ct);
                if (outcome == Outcome.Stop) break;
                complete &= outcome == Outcome.Done;
            }
        if (found.Count > 0) await writer.UpsertCatalogAsync(connectionId, [], found, r.Now, ct);
        SaveInventory(r);
        if (r.Connection.State is ConnectionState.CredentialsRejected || _pausedUntil > r.Now) return Outcome.Stop;
        state.NextDueAt = complete ? r.Now + DiscoveryInterval : r.Now + AtessClient.AcquisitionPeriod + Margin;
        return Outcome.Done;
    }

    // ---- Latest uploads ----

    private async Task<Outcome> RealTimeAsync(Round r, CancellationToken ct)
    {
        var state = State(r, RealTimeClass);
        state.PlannedInterval = AtessClient.AcquisitionPeriod;
        var devices = await DevicesAsync(r, ct);
        var snapshots = new Dictionary<int, KpiSnapshot>();
        var uploads = new List<(string Sn, int DeviceId, string Zone, DateTimeOffset At)>();
        foreach (var (device, family, zone) in devices)
        {
            var key = CallKey("GET " + AtessPaths.Of(family).DataLast, device.VendorKey);
            if (r.Inventory.IsLost(device.VendorKey) && _done.TryGetValue(key, out var last) && r.Now - last < LostInterval) continue;
            var outcome = await CallAsync(r, state, key, async () =>
            {
                var row = await client.GetLatestAsync(family, device.VendorKey, ct);
                _done[key] = r.Now;
                if (row is null) return; // nothing uploaded yet
                var at = AtessTime.TryParse(row.Time, out var wall) ? AtessTime.ToUtc(zone, wall) : Floor(r.Now);
                if (at > r.Now + Margin) return; // a clock ahead of ours: not trusted as the newest upload
                snapshots[device.Id] = Snapshot(at, row);
                uploads.Add((device.VendorKey, device.Id, zone, at));
            }, ct);
            if (outcome == Outcome.Stop) { await WriteLatestAsync(r, snapshots, uploads, ct); return outcome; }
        }
        await WriteLatestAsync(r, snapshots, uploads, ct);
        state.NextDueAt = NextOf(devices.Select(d => CallKey("GET " + AtessPaths.Of(d.Family).DataLast, d.Device.VendorKey)), r.Now);
        return Outcome.Done;
    }

    private async Task WriteLatestAsync(Round r, Dictionary<int, KpiSnapshot> snapshots, List<(string Sn, int DeviceId, string Zone, DateTimeOffset At)> uploads, CancellationToken ct)
    {
        if (snapshots.Count == 0) return;
        await writer.WriteDeviceKpisAsync(snapshots, r.Now, ct);
        foreach (var (sn, deviceId, zone, at) in uploads)
        {
            // Today so far: its day counters are the day's energy until midnight.
            await WriteDaysAsync(deviceId, zone, [(at, snapshots[deviceId].Values)], today: true, r.Now, ct);
            var history = State(r, HistoryPrefix + sn);
            var coverage = HistoryCoverage.Parse(history.Cursor);
            coverage.AddUpload(at);
            history.Cursor = coverage.ToJson();
        }
    }

    // ---- History ----

    private async Task<Outcome> HistoryAsync(Round r, CancellationToken ct)
    {
        var all = await DevicesAsync(r, ct);
        try
        {
            return await HistoryAsync(r, all, ct);
        }
        finally
        {
            await MarkHistoryLoadedAsync(r, all, ct);
        }
    }

    /// <summary>
    /// A plant's history is loaded back to the latest of its devices' continuous history starts (a day counts once its
    /// first upload is in), which the charts show for older periods.
    /// </summary>
    private async Task MarkHistoryLoadedAsync(Round r, List<(Core.Plants.Device Device, AtessFamily Family, string Zone)> devices, CancellationToken ct)
    {
        foreach (var plant in devices.GroupBy(d => d.Device.PlantId))
        {
            var starts = plant.Select(d => HistoryCoverage.Parse(State(r, HistoryPrefix + d.Device.VendorKey).Cursor).ContinuousFrom).ToList();
            if (starts.Any(s => s is null)) continue;
            var local = PlantTime.ToLocal(plant.First().Zone, starts.Max()!.Value).DateTime;
            var date = DateOnly.FromDateTime(local);
            if (local.TimeOfDay > HistoryCoverage.UploadGap) date = date.AddDays(1);
            var entity = await r.Db.Plants.SingleAsync(p => p.Id == plant.Key, ct);
            if (entity.HistoryLoadedFrom != date) entity.HistoryLoadedFrom = date;
        }
    }

    private async Task<Outcome> HistoryAsync(Round r, List<(Core.Plants.Device Device, AtessFamily Family, string Zone)> all, CancellationToken ct)
    {
        foreach (var (device, family, zone) in all)
        {
            var state = State(r, HistoryPrefix + device.VendorKey);
            var key = CallKey("GET " + AtessPaths.Of(family).DataList, device.VendorKey);
            if (Allowed(key) > r.Now || state.NextDueAt > r.Now) continue;
            var coverage = HistoryCoverage.Parse(state.Cursor);
            var added = r.Inventory.AddedAt(device.VendorKey);
            var oldest = r.Now - historyHorizon();
            var floor = added is { } a && a > oldest ? a : oldest;
            var window = coverage.Pending ?? (coverage.NextGap(floor, WindowSpan) is { } gap ? new HistoryCoverage.Window(gap.From, gap.To, 1) : null);
            if (window is null)
            {
                state.NextDueAt = r.Now + AtessClient.AcquisitionPeriod; // complete: new gaps come with new uploads
                continue;
            }
            var outcome = await CallAsync(r, state, key, async () =>
            {
                var page = await client.GetHistoryAsync(family, device.VendorKey, PlantTime.ToLocal(zone, window.From).DateTime,
                    PlantTime.ToLocal(zone, window.To).DateTime, window.NextPage, AtessClient.MaxPageSize, ct);
                DateTimeOffset? previous = null;
                var samples = new List<(int, KpiSnapshot)>();
                foreach (var row in page.Items)
                {
                    if (!AtessTime.TryParse(row.Time, out var wall)) continue;
                    var at = AtessTime.ToUtc(zone, wall, previous);
                    previous = at;
                    samples.Add((device.Id, Snapshot(at, row)));
                }
                await writer.WriteHistoryAsync(samples, ct);
                await WriteDaysAsync(device.Id, zone, samples.Select(x => (x.Item2.CollectedAt, x.Item2.Values)), today: false, r.Now, ct);
                if (page.HasMore) coverage.Pending = window with { NextPage = window.NextPage + 1 };
                else
                {
                    coverage.Pending = null;
                    coverage.AddWindow(window.From, window.To);
                }
                state.Cursor = coverage.ToJson();
            }, ct);
            if (outcome == Outcome.Stop) return outcome;
            state.NextDueAt = Allowed(key);
        }
        return Outcome.Done;
    }

    // ---- One call, its limit and its failure ----

    /// <summary>
    /// Runs <paramref name="work"/> if its endpoint and target may be read now. A refusal for frequency waits the time the
    /// vendor names; "not found" or a refused request waits an hour; "no access" a period; a refused key, a throttling
    /// gateway or an outage stops the round (and pauses the connection, doubling while it lasts).
    /// </summary>
    private async Task<Outcome> CallAsync(Round r, SyncState state, string key, Func<Task> work, CancellationToken ct)
    {
        if (Allowed(key) > r.Now) return Outcome.Skipped;
        try
        {
            await work();
            _nextCall[key] = time.GetUtcNow() + AtessClient.AcquisitionPeriod + Margin;
            state.LastSuccessAt = r.Now;
            state.LastError = null;
            r.AnySuccess = true;
            _throttledInARow = 0;
            return Outcome.Done;
        }
        catch (AtessException ex)
        {
            var after = time.GetUtcNow();
            state.LastFailureAt = r.Now;
            state.LastError = ex.Error.Message;
            r.AnyFailure = true;
            switch (ex.Error.Kind)
            {
                case AtessErrorKind.AcquisitionLimited:
                    // The plan was wrong (another client on this account?): wait as long as the vendor says.
                    _nextCall[key] = after + (ex.Error.RetryAfter ?? AtessClient.AcquisitionPeriod) + Margin;
                    return Outcome.Skipped;
                case AtessErrorKind.NoAccess:
                    _nextCall[key] = after + AtessClient.AcquisitionPeriod + Margin;
                    if (key == "GET plant/list") _refusedInARow++;
                    return Outcome.Skipped;
                case AtessErrorKind.NotFound or AtessErrorKind.Rejected:
                    _nextCall[key] = after + DiscoveryInterval;
                    return Outcome.Skipped;
                case AtessErrorKind.Unauthorized:
                    r.Connection.State = ConnectionState.CredentialsRejected;
                    r.Connection.LastError = ex.Error.Message + " Enter a new API key for this connection.";
                    return Outcome.Stop;
                default: // GatewayThrottled, Unavailable
                    _nextCall[key] = after + AtessClient.AcquisitionPeriod + Margin;
                    _throttledInARow++;
                    _pausedUntil = after + TimeSpan.FromMinutes(Math.Min(15, Math.Pow(2, _throttledInARow - 1)));
                    r.Connection.State = ConnectionState.Unreachable;
                    r.Connection.LastError = ex.Error.Message;
                    return Outcome.Stop;
            }
        }
    }

    private DateTimeOffset Allowed(string key) => _nextCall.TryGetValue(key, out var at) ? at : DateTimeOffset.MinValue;

    private bool Recently(string key, DateTimeOffset now) => _done.TryGetValue(key, out var at) && now - at < DiscoveryInterval;

    private DateTimeOffset NextOf(IEnumerable<string> keys, DateTimeOffset now)
    {
        var next = keys.Select(Allowed).DefaultIfEmpty(now + AtessClient.AcquisitionPeriod).Min();
        return next > now ? next : now;
    }

    /// <summary>After a restart, the calls of the last period still count: the vendor remembers them.</summary>
    private async Task SeedFromCallLogAsync(SolarDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - AtessClient.AcquisitionPeriod - Margin;
        var recent = await db.Calls.AsNoTracking().Where(c => c.ConnectionId == connectionId && c.At >= since).ToListAsync(ct);
        foreach (var call in recent.Where(c => c.Error != nameof(AtessErrorKind.AcquisitionLimited)))
        {
            var allowed = call.At + TimeSpan.FromMilliseconds(call.DurationMs) + AtessClient.AcquisitionPeriod + Margin;
            if (allowed > Allowed(call.Api)) _nextCall[call.Api] = allowed;
        }
        _seeded = true;
    }

    private async Task SaveAsync(Round r, CancellationToken ct)
    {
        foreach (var c in drainCalls())
        {
            var api = CallKey(c.Api, c.Target);
            r.Db.Calls.Add(new VendorCall
            {
                ConnectionId = connectionId, Api = api.Length <= 60 ? api : api[..60], At = c.At, DurationMs = (int)c.Duration.TotalMilliseconds,
                Succeeded = c.Succeeded, FailCode = c.Code, HttpStatus = c.HttpStatus, Error = c.Error?.ToString(),
            });
        }
        await r.Db.SaveChangesAsync(ct);
    }

    private void MarkConnected(VendorConnection connection)
    {
        connection.LastSuccessAt = time.GetUtcNow();
        if (connection.State != ConnectionState.Connected || !_announced) logger.LogInformation("ATESS connection {Id} is connected", connectionId);
        _announced = true;
        connection.State = ConnectionState.Connected;
        connection.LastError = null;
    }

    private SyncState State(Round r, string dataClass)
    {
        if (r.States.TryGetValue(dataClass, out var state)) return state;
        state = new SyncState { ConnectionId = connectionId, DataClass = dataClass, NextDueAt = r.Now };
        r.Db.SyncStates.Add(state);
        r.States[dataClass] = state;
        return state;
    }

    private void SaveInventory(Round r)
    {
        var state = State(r, InventoryClass);
        state.NextDueAt = DateTimeOffset.MaxValue;
        state.Cursor = r.Inventory.ToJson();
    }

    /// <summary>The connection's devices with a data API (not datalogs), their family and their plant's zone.</summary>
    private async Task<List<(Core.Plants.Device Device, AtessFamily Family, string Zone)>> DevicesAsync(Round r, CancellationToken ct)
    {
        var zones = await r.Db.Plants.AsNoTracking().Where(p => p.ConnectionId == connectionId).ToDictionaryAsync(p => p.Id, p => p.TimeZoneId, ct);
        var ids = zones.Keys.ToList();
        var devices = await r.Db.Devices.AsNoTracking().Where(d => ids.Contains(d.PlantId) && d.Role != DeviceRole.Logger).OrderBy(d => d.Id).ToListAsync(ct);
        return devices.Where(d => r.Inventory.Devices.ContainsKey(d.VendorKey))
            .Select(d => (d, r.Inventory.Devices[d.VendorKey].Family, zones[d.PlantId])).ToList();
    }

    /// <summary>The last 5 minutes of a plant-local day: an upload in them is the day's last, its day counters the day's energy.</summary>
    private static readonly TimeSpan LastSlot = TimeSpan.FromHours(24) - AtessClient.AcquisitionPeriod;

    /// <summary>
    /// Day reports (ATESS has no report API): a day's energy is its last upload's day counters. From history, only days whose
    /// last upload is among the rows; from the latest upload (<paramref name="today"/>), its day so far.
    /// </summary>
    private async Task WriteDaysAsync(int deviceId, string zone, IEnumerable<(DateTimeOffset At, IReadOnlyDictionary<string, double?> Values)> uploads, bool today,
        DateTimeOffset now, CancellationToken ct)
    {
        var days = uploads.Select(u => (u.At, u.Values, Local: PlantTime.ToLocal(zone, u.At)))
            .Where(u => today || u.Local.TimeOfDay >= LastSlot)
            .GroupBy(u => DateOnly.FromDateTime(u.Local.DateTime))
            .Select(g => g.MaxBy(u => u.At))
            .Select(u => new ReportRow(ReportPeriod.Day, PlantTime.ToUtc(zone, u.Local.Date),
                u.Values.Where(v => AtessMeasures.IsDayCounter(v.Key)).ToDictionary(v => v.Key, v => v.Value)))
            .ToList();
        if (days.Count == 0) return;
        await writer.WriteReportsAsync(null, deviceId, days, now, ct);
        var months = days.Select(d => PlantTime.PeriodDate(zone, d.StartsAt)).Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().ToList();
        await WriteSumsAsync(deviceId, zone, ReportPeriod.Day, ReportPeriod.Month, months, now, ct);
        await WriteSumsAsync(deviceId, zone, ReportPeriod.Month, ReportPeriod.Year, months.Select(m => new DateOnly(m.Year, 1, 1)).Distinct().ToList(), now, ct);
    }

    /// <summary>Months as the sum of their days, years of their months: what the cache holds of them.</summary>
    private async Task WriteSumsAsync(int deviceId, string zone, ReportPeriod part, ReportPeriod whole, IReadOnlyList<DateOnly> starts, DateTimeOffset now, CancellationToken ct)
    {
        var rows = new List<ReportRow>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            foreach (var start in starts)
            {
                var prefix = start.ToString(whole == ReportPeriod.Month ? "yyyy-MM-" : "yyyy-", CultureInfo.InvariantCulture);
                var parts = await db.Reports.AsNoTracking().Where(x => x.DeviceId == deviceId && x.Period == part && x.LocalStart.StartsWith(prefix))
                    .Select(x => x.ValuesJson).ToListAsync(ct);
                var sums = parts.SelectMany(json => KpiJson.Parse(json)).Where(v => v.Value is not null).GroupBy(v => v.Key)
                    .ToDictionary(g => g.Key, g => (double?)Math.Round(g.Sum(v => v.Value!.Value), 6));
                rows.Add(new ReportRow(whole, PlantTime.ToUtc(zone, start.ToDateTime(TimeOnly.MinValue)), sums));
            }
        await writer.WriteReportsAsync(null, deviceId, rows, now, ct);
    }

    /// <summary>
    /// An upload: its values as sent, at its <c>time</c>. Powers are the 5 minutes that end there (as FusionSolar's
    /// real-time values are), so the sample's slot starts 5 minutes earlier.
    /// </summary>
    private static KpiSnapshot Snapshot(DateTimeOffset at, AtessRow row) => new(at, row.Values, at - AtessClient.AcquisitionPeriod);

    private static DateTimeOffset Floor(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % AtessClient.AcquisitionPeriod.Ticks, TimeSpan.Zero);

    /// <summary>A plant of the plant list in Core's terms: its IANA zone (else UTC), address, capacity and install date.</summary>
    internal static PlantInfo ToPlantInfo(AtessPlant p)
    {
        var zone = AtessTime.IsKnownZone(p.TimeZone) ? p.TimeZone!.Trim() : "+00:00";
        var address = string.Join(", ", new[] { p.Address, p.City, p.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var installed = DateOnly.TryParseExact(p.InstallDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? PlantTime.ToUtc(zone, d.ToDateTime(TimeOnly.MinValue)) : (DateTimeOffset?)null;
        return new PlantInfo(p.PlantId.ToString(CultureInfo.InvariantCulture), p.PlantName, address.Length == 0 ? null : address,
            p.Latitude, p.Longitude, p.Capacity, zone, installed, null);
    }

    private static DeviceInfo Device(string plantKey, AtessFamily family, AtessDeviceInfo d)
    {
        var type = AtessDeviceTypes.VendorType(family, d.Model);
        var name = family switch
        {
            AtessFamily.Bcu => d.DeviceNo is { } n ? $"BCU {n}" : "BCU",
            AtessFamily.Mbms => "MBMS",
            _ => type,
        };
        return new DeviceInfo(plantKey, d.DeviceSn, d.DeviceSn, name, AtessDeviceTypes.RoleOf(type), type, d.Model, d.FirmwareVersion, null);
    }
}
