using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.TimeSeries;

/// <summary>One 5-minute sample of one KPI of one device (value null: the vendor sent nothing usable).</summary>
public readonly record struct SeriesSample(int DeviceId, string Kpi, DateTimeOffset Time, double? Value);

public readonly record struct SeriesWriteResult(int RowsAdded, int RowsChanged, int SlotsChanged);

/// <summary>
/// Reads and writes the 5-minute history in the packed layout (a row per device, KPI and UTC day). Writes merge into
/// existing days, so the same answer ingested twice changes nothing. Uses plain SQL on the EF connection: this is the
/// hot path of ingest and charts.
/// </summary>
public sealed class SeriesStore(IDbContextFactory<SolarDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<string, int> _kpiIds = new(StringComparer.Ordinal);

    public async Task<SeriesWriteResult> WriteAsync(IReadOnlyCollection<SeriesSample> samples, CancellationToken ct = default)
    {
        var usable = samples.Where(s => s.Value is { } v && double.IsFinite(v)).ToList();
        if (usable.Count == 0) return default;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var ids = await KpiIdsAsync(connection, transaction, usable.Select(s => s.Kpi).Distinct(), ct);
        var rows = new Dictionary<(int Device, int Kpi, int Day), (byte[] Values, bool Existed, bool Changed)>();
        foreach (var device in usable.GroupBy(s => s.DeviceId))
        {
            var first = SeriesPacking.DayOf(device.Min(s => s.Time));
            var last = SeriesPacking.DayOf(device.Max(s => s.Time));
            await using var select = Command(connection, transaction,
                "SELECT KpiId, Day, \"Values\" FROM DeviceSeries WHERE DeviceId = $d AND Day BETWEEN $a AND $b", ("$d", device.Key), ("$a", first), ("$b", last));
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows[(device.Key, reader.GetInt32(0), reader.GetInt32(1))] = ((byte[])reader.GetValue(2), true, false);
        }

        var slotsChanged = 0;
        foreach (var s in usable)
        {
            var key = (s.DeviceId, ids[s.Kpi], SeriesPacking.DayOf(s.Time));
            if (!rows.TryGetValue(key, out var row)) row = (SeriesPacking.Empty(), false, true);
            if (SeriesPacking.Set(row.Values, SeriesPacking.SlotOf(s.Time), s.Value!.Value))
            {
                slotsChanged++;
                row.Changed = true;
            }
            rows[key] = row;
        }

        int added = 0, changed = 0;
        await using var upsert = Command(connection, transaction,
            "INSERT INTO DeviceSeries (DeviceId, KpiId, Day, \"Values\") VALUES ($d, $k, $day, $v) " +
            "ON CONFLICT (DeviceId, KpiId, Day) DO UPDATE SET \"Values\" = excluded.\"Values\"",
            ("$d", 0), ("$k", 0), ("$day", 0), ("$v", Array.Empty<byte>()));
        await upsert.PrepareAsync(ct);
        foreach (var ((device, kpi, day), row) in rows)
        {
            if (!row.Changed) continue;
            upsert.Parameters[0].Value = device;
            upsert.Parameters[1].Value = kpi;
            upsert.Parameters[2].Value = day;
            upsert.Parameters[3].Value = row.Values;
            await upsert.ExecuteNonQueryAsync(ct);
            if (row.Existed) changed++; else added++;
        }
        await transaction.CommitAsync(ct);
        foreach (var (name, id) in ids) _kpiIds.TryAdd(name, id); // only once committed: a rolled-back id must not be cached
        return new SeriesWriteResult(added, changed, slotsChanged);
    }

    /// <summary>The samples of one KPI in [from, to], in time order; lifetime counters are repaired (never decrease).</summary>
    public async Task<IReadOnlyList<SeriesPoint>> ReadAsync(int deviceId, string kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var kpiId = await db.KpiNames.Where(k => k.Name == kpi).Select(k => (int?)k.Id).FirstOrDefaultAsync(ct);
        if (kpiId is null) return [];

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
        return LifetimeCounters.IsLifetime(kpi) ? LifetimeCounters.Repair(points) : points;
    }

    /// <summary>As <see cref="ReadAsync"/>, thinned to at most <paramref name="maxPoints"/> for a screen.</summary>
    public async Task<IReadOnlyList<SeriesPoint>> ReadForChartAsync(int deviceId, string kpi, DateTimeOffset from, DateTimeOffset to, int maxPoints = 2000, CancellationToken ct = default) =>
        Downsampler.Lttb(await ReadAsync(deviceId, kpi, from, to, ct), maxPoints);

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
