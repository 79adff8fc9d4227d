using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.TimeSeries;

/// <summary>
/// Reads and writes the 5-minute history in the packed layout (a row per device, KPI and UTC day). Writes merge into
/// existing days, so the same answer ingested twice changes nothing. Uses plain SQL on the EF connection: this is the
/// hot path of ingest and charts.
/// </summary>
public sealed class SeriesStore(IDbContextFactory<SolarDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<string, int> _kpiIds = new(StringComparer.Ordinal);

    public async Task<SeriesWriteResult> WriteAsync(IReadOnlyCollection<DeviceSample> samples, CancellationToken ct = default)
    {
        if (samples.Count == 0) return default;
        // One pass over the answer, one hash per value: each (device, day) gets fresh packed days by series name, which are
        // merged into the stored days below. This is the hot path of ingest.
        var packed = new Dictionary<(int Device, int Day), Dictionary<string, byte[]>>();
        Dictionary<string, byte[]> current = [];
        (int Device, int Day) currentKey = (-1, -1);
        foreach (var s in samples)
        {
            var day = SeriesPacking.DayOf(s.Time);
            var slot = SeriesPacking.SlotOf(s.Time);
            if (currentKey != (s.DeviceId, day))
            {
                currentKey = (s.DeviceId, day);
                if (!packed.TryGetValue(currentKey, out current!)) packed[currentKey] = current = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            }
            if (s.Values is Dictionary<string, double?> concrete) // the usual case: a struct enumerator, no boxing per value
                foreach (var (kpi, value) in concrete) Put(current, kpi, slot, value);
            else
                foreach (var (kpi, value) in s.Values) Put(current, kpi, slot, value);
            if (s.Standard is { } standard)
                foreach (var (kpi, value) in standard) Put(current, kpi, slot, value);
        }
        var names = new HashSet<string>(packed.Values.SelectMany(d => d.Keys), StringComparer.Ordinal);
        if (names.Count == 0) return default;

        await using var connection = await OpenAsync(ct);
        // WAL mode (EF's default for SQLite) stays consistent with NORMAL sync; FULL would fsync every commit.
        await using (var pragma = Command(connection, null, "PRAGMA synchronous = NORMAL")) await pragma.ExecuteNonQueryAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var ids = await KpiIdsAsync(connection, transaction, names, ct);
        var stored = new Dictionary<(int Device, int Kpi, int Day), byte[]>();
        foreach (var days in packed.Keys.GroupBy(k => k.Device, k => k.Day))
        {
            var device = days.Key;
            await using var select = Command(connection, transaction,
                "SELECT KpiId, Day, \"Values\" FROM DeviceSeries WHERE DeviceId = $d AND Day BETWEEN $a AND $b", ("$d", device), ("$a", days.Min()), ("$b", days.Max()));
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                stored[(device, reader.GetInt32(0), reader.GetInt32(1))] = (byte[])reader.GetValue(2);
        }

        int added = 0, changed = 0, slotsChanged = 0;
        await using var upsert = Command(connection, transaction,
            "INSERT INTO DeviceSeries (DeviceId, KpiId, Day, \"Values\") VALUES ($d, $k, $day, $v) " +
            "ON CONFLICT (DeviceId, KpiId, Day) DO UPDATE SET \"Values\" = excluded.\"Values\"",
            ("$d", 0), ("$k", 0), ("$day", 0), ("$v", Array.Empty<byte>()));
        await upsert.PrepareAsync(ct);
        foreach (var ((device, day), byName) in packed)
            foreach (var (name, fresh) in byName)
            {
                var kpi = ids[name];
                var existed = stored.TryGetValue((device, kpi, day), out var row);
                var slots = existed ? Merge(row!, fresh) : SeriesPacking.Count(fresh);
                if (existed && slots == 0) continue;
                slotsChanged += slots;
                upsert.Parameters[0].Value = device;
                upsert.Parameters[1].Value = kpi;
                upsert.Parameters[2].Value = day;
                upsert.Parameters[3].Value = existed ? row : fresh;
                upsert.ExecuteNonQuery(); // SQLite's async is synchronous underneath; this loop runs thousands of times
                if (existed) changed++; else added++;
            }
        await transaction.CommitAsync(ct);
        foreach (var (name, id) in ids) _kpiIds.TryAdd(name, id); // only once committed: a rolled-back id must not be cached
        return new SeriesWriteResult(added, changed, slotsChanged);
    }

    private static void Put(Dictionary<string, byte[]> days, string kpi, int slot, double? value)
    {
        if (value is not { } v || !double.IsFinite(v)) return;
        ref var day = ref CollectionsMarshal.GetValueRefOrAddDefault(days, kpi, out _);
        day ??= SeriesPacking.Empty();
        SeriesPacking.Set(day, slot, v);
    }

    /// <summary>Writes the fresh day's samples into the stored day; returns how many slots changed.</summary>
    private static int Merge(byte[] stored, byte[] fresh)
    {
        var changed = 0;
        for (var slot = 0; slot < SeriesPacking.SlotsPerDay; slot++)
        {
            var value = SeriesPacking.Get(fresh, slot);
            if (!double.IsNaN(value) && SeriesPacking.Set(stored, slot, value)) changed++;
        }
        return changed;
    }

    /// <summary>The samples of one series in [from, to], in time order, as stored.</summary>
    public async Task<IReadOnlyList<SeriesPoint>> ReadAsync(int deviceId, string kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        int? kpiId = _kpiIds.TryGetValue(kpi, out var known) ? known : null;
        if (kpiId is null)
        {
            await using var find = Command(connection, null, "SELECT Id FROM KpiNames WHERE Name = $n", ("$n", kpi));
            if (await find.ExecuteScalarAsync(ct) is not { } found) return [];
            kpiId = Convert.ToInt32(found);
        }

        var points = new List<SeriesPoint>();
        await using var select = Command(connection, null,
            "SELECT Day, \"Values\" FROM DeviceSeries WHERE DeviceId = $d AND KpiId = $k AND Day BETWEEN $a AND $b ORDER BY Day",
            ("$d", deviceId), ("$k", kpiId.Value), ("$a", SeriesPacking.DayOf(from)), ("$b", SeriesPacking.DayOf(to)));
        await using var reader = await select.ExecuteReaderAsync(ct);
        var fromSeconds = from.ToUnixTimeSeconds();
        var toSeconds = to.ToUnixTimeSeconds();
        while (await reader.ReadAsync(ct))
        {
            var day = reader.GetInt32(0);
            var values = (byte[])reader.GetValue(1);
            for (var slot = 0; slot < SeriesPacking.SlotsPerDay; slot++)
            {
                var value = SeriesPacking.Get(values, slot);
                if (double.IsNaN(value)) continue;
                var seconds = day * 86400L + slot * 300L;
                if (seconds < fromSeconds || seconds > toSeconds) continue;
                points.Add(new SeriesPoint(DateTimeOffset.FromUnixTimeSeconds(seconds), value));
            }
        }
        return points;
    }

    /// <summary>
    /// Several series of several devices in [from, to] (today's curves of a plant): device → series name → points in time
    /// order, as stored. One connection and one prepared statement, a primary-key seek (device, series, days) per pair: a
    /// single join over the lists let SQLite seek by device only and read every stored day of every series.
    /// </summary>
    public async Task<Dictionary<int, Dictionary<string, List<SeriesPoint>>>> ReadManyAsync(IReadOnlyCollection<int> deviceIds, IReadOnlyCollection<string> names,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var result = new Dictionary<int, Dictionary<string, List<SeriesPoint>>>();
        if (deviceIds.Count == 0 || names.Count == 0) return result;
        await using var connection = await OpenAsync(ct);
        var kpiIds = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var find = Command(connection, null, "SELECT Name, Id FROM KpiNames WHERE Name IN (SELECT value FROM json_each($n))",
            ("$n", System.Text.Json.JsonSerializer.Serialize(names))))
        await using (var found = await find.ExecuteReaderAsync(ct))
            while (await found.ReadAsync(ct)) kpiIds[found.GetString(0)] = found.GetInt32(1);
        if (kpiIds.Count == 0) return result;

        await using var select = Command(connection, null,
            "SELECT Day, \"Values\" FROM DeviceSeries WHERE DeviceId = $d AND KpiId = $k AND Day BETWEEN $a AND $b ORDER BY Day",
            ("$d", 0), ("$k", 0), ("$a", SeriesPacking.DayOf(from)), ("$b", SeriesPacking.DayOf(to)));
        await select.PrepareAsync(ct);
        var fromSeconds = from.ToUnixTimeSeconds();
        var toSeconds = to.ToUnixTimeSeconds();
        foreach (var device in deviceIds)
            foreach (var (name, kpiId) in kpiIds)
            {
                select.Parameters["$d"].Value = device;
                select.Parameters["$k"].Value = kpiId;
                await using var reader = await select.ExecuteReaderAsync(ct);
                List<SeriesPoint>? points = null;
                while (await reader.ReadAsync(ct))
                {
                    var day = reader.GetInt32(0);
                    var values = (byte[])reader.GetValue(1);
                    if (points is null)
                    {
                        if (!result.TryGetValue(device, out var byName)) result[device] = byName = new Dictionary<string, List<SeriesPoint>>(StringComparer.Ordinal);
                        byName[name] = points = [];
                    }
                    for (var slot = 0; slot < SeriesPacking.SlotsPerDay; slot++)
                    {
                        var value = SeriesPacking.Get(values, slot);
                        var seconds = day * 86400L + slot * 300L;
                        if (!double.IsNaN(value) && seconds >= fromSeconds && seconds <= toSeconds) points.Add(new SeriesPoint(DateTimeOffset.FromUnixTimeSeconds(seconds), value));
                    }
                }
            }
        return result;
    }

    /// <summary>Every stored day of the named series of one device, packed as stored: day → name → 288 slots.</summary>
    public async Task<SortedDictionary<int, Dictionary<string, byte[]>>> ReadDaysAsync(int deviceId, IReadOnlyCollection<string> names, CancellationToken ct = default)
    {
        var days = new SortedDictionary<int, Dictionary<string, byte[]>>();
        if (names.Count == 0) return days;
        await using var connection = await OpenAsync(ct);
        foreach (var name in names)
        {
            await using var select = Command(connection, null,
                "SELECT s.Day, s.\"Values\" FROM DeviceSeries s JOIN KpiNames k ON k.Id = s.KpiId WHERE s.DeviceId = $d AND k.Name = $n",
                ("$d", deviceId), ("$n", name));
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var day = reader.GetInt32(0);
                if (!days.TryGetValue(day, out var byName)) days[day] = byName = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                byName[name] = (byte[])reader.GetValue(1);
            }
        }
        return days;
    }

    /// <summary>As <see cref="ReadAsync"/>, thinned to at most <paramref name="maxPoints"/> for a screen; a lifetime counter is repaired first (never decreases).</summary>
    public async Task<IReadOnlyList<SeriesPoint>> ReadForChartAsync(int deviceId, string kpi, DateTimeOffset from, DateTimeOffset to, int maxPoints = 2000,
        bool lifetimeCounter = false, CancellationToken ct = default)
    {
        var points = await ReadAsync(deviceId, kpi, from, to, ct);
        return Downsampler.Lttb(lifetimeCounter ? LifetimeCounters.Repair(points) : points, maxPoints);
    }

    /// <summary>A plain SQLite connection to the cache (the hot path needs none of EF's machinery).</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_connectionString is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            _connectionString = db.Database.GetConnectionString();
        }
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private string? _connectionString;

    private async Task<Dictionary<string, int>> KpiIdsAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> names, CancellationToken ct)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (_kpiIds.TryGetValue(name, out var id)) { result[name] = id; continue; }
            await using (var insert = Command(connection, transaction, "INSERT OR IGNORE INTO KpiNames (Name) VALUES ($n)", ("$n", name)))
                await insert.ExecuteNonQueryAsync(ct);
            await using var select = Command(connection, transaction, "SELECT Id FROM KpiNames WHERE Name = $n", ("$n", name));
            result[name] = Convert.ToInt32(await select.ExecuteScalarAsync(ct));
        }
        return result;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return command;
    }
}
