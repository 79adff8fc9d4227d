using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Alarms;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Core.Ingest;

/// <summary>
/// Stores what the vendor layer fetched. Every write is an upsert keyed by what the data describes (plant code,
/// device id, collect time, plant-local period, alarm identity), so ingesting the same answer twice adds nothing.
/// </summary>
public sealed class CacheWriter(IDbContextFactory<SolarDbContext> dbFactory, SeriesStore series, CacheNotifier notifier)
{
    /// <summary>Adds new plants and devices, refreshes known ones. Returns the cache ids by vendor code / vendor device id.</summary>
    public async Task<(IReadOnlyDictionary<string, int> Plants, IReadOnlyDictionary<long, int> Devices)> UpsertCatalogAsync(
        int connectionId, IReadOnlyCollection<PlantInfo> plants, IReadOnlyCollection<DeviceInfo>? devices, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await db.Plants.Where(p => p.ConnectionId == connectionId).ToDictionaryAsync(p => p.VendorCode, ct);
        foreach (var info in plants)
        {
            if (!known.TryGetValue(info.VendorCode, out var plant))
            {
                plant = new Plant { ConnectionId = connectionId, VendorCode = info.VendorCode, Name = info.Name, TimeZoneId = info.TimeZoneId, DiscoveredAt = now };
                db.Plants.Add(plant);
                known[info.VendorCode] = plant;
            }
            plant.Name = info.Name;
            plant.Address = info.Address;
            plant.Latitude = info.Latitude;
            plant.Longitude = info.Longitude;
            plant.CapacityKwp = info.CapacityKwp;
            plant.GridConnectedAt = info.GridConnectedAt;
            plant.ContactPerson = info.ContactPerson;
            plant.LastSeenAt = now;
        }
        await db.SaveChangesAsync(ct);

        if (devices is not null)
        {
            var plantIds = known.Values.Select(p => p.Id).ToList();
            var knownDevices = await db.Devices.Where(d => plantIds.Contains(d.PlantId)).ToListAsync(ct);
            var byKey = knownDevices.ToDictionary(d => (d.PlantId, d.VendorId));
            foreach (var info in devices)
            {
                if (!known.TryGetValue(info.PlantVendorCode, out var plant)) continue;
                if (!byKey.TryGetValue((plant.Id, info.VendorId), out var device))
                {
                    device = new Device { PlantId = plant.Id, VendorId = info.VendorId, Name = info.Name };
                    db.Devices.Add(device);
                    byKey[(plant.Id, info.VendorId)] = device;
                }
                device.Name = info.Name;
                device.SerialNumber = info.SerialNumber;
                device.TypeId = info.TypeId;
                device.Model = info.Model;
                device.Firmware = info.Firmware;
                device.Optimizers = info.Optimizers;
                device.LastSeenAt = now;
            }
            await db.SaveChangesAsync(ct);
        }

        var devicesByVendor = await db.Devices.Where(d => db.Plants.Any(p => p.Id == d.PlantId && p.ConnectionId == connectionId))
            .ToDictionaryAsync(d => d.VendorId, d => d.Id, ct);
        notifier.Changed();
        return (known.ToDictionary(p => p.Key, p => p.Value.Id), devicesByVendor);
    }

    /// <summary>Latest plant values. An older answer never replaces a newer one; lifetime counters never go down.</summary>
    public async Task WritePlantKpisAsync(IReadOnlyDictionary<int, KpiSnapshot> byPlantId, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = byPlantId.Keys.ToList();
        var existing = await db.LatestKpis.Where(k => k.PlantId != null && ids.Contains(k.PlantId.Value)).ToDictionaryAsync(k => k.PlantId!.Value, ct);
        foreach (var (plantId, snapshot) in byPlantId)
            Merge(db, existing.GetValueOrDefault(plantId), snapshot, receivedAt, plantId, null);
        await db.SaveChangesAsync(ct);
        notifier.Changed();
    }

    /// <summary>Latest device values, also kept as 5-minute samples so today's curves need no extra call.</summary>
    public async Task WriteDeviceKpisAsync(IReadOnlyDictionary<int, KpiSnapshot> byDeviceId, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = byDeviceId.Keys.ToList();
            var existing = await db.LatestKpis.Where(k => k.DeviceId != null && ids.Contains(k.DeviceId.Value)).ToDictionaryAsync(k => k.DeviceId!.Value, ct);
            foreach (var (deviceId, snapshot) in byDeviceId)
                Merge(db, existing.GetValueOrDefault(deviceId), snapshot, receivedAt, null, deviceId);
            await db.SaveChangesAsync(ct);
        }
        await series.WriteAsync(byDeviceId.Select(d => Sample(d.Key, d.Value)).ToList(), ct);
        notifier.Changed();
    }

    public async Task<SeriesWriteResult> WriteHistoryAsync(IEnumerable<(int DeviceId, KpiSnapshot Sample)> samples, CancellationToken ct = default)
    {
        var result = await series.WriteAsync(samples.Select(s => Sample(s.DeviceId, s.Sample)).ToList(), ct);
        if (result.SlotsChanged > 0) notifier.Changed();
        return result;
    }

    /// <summary>Reports keyed by plant-local period; a day report also teaches the plant's current UTC offset.</summary>
    public async Task<int> WriteReportsAsync(int? plantId, int? deviceId, IReadOnlyCollection<ReportRow> rows, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        if (rows.Count == 0) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plant = plantId is { } pid ? await db.Plants.SingleAsync(p => p.Id == pid, ct)
            : await db.Plants.SingleAsync(p => db.Devices.Any(d => d.Id == deviceId && d.PlantId == p.Id), ct);
        var latestDay = rows.Where(r => r.Period == ReportPeriod.Day).MaxBy(r => r.StartsAt);
        if (latestDay is not null && plant.TimeZoneId.Length == 6)
            plant.TimeZoneId = PlantTime.FormatOffset(PlantTime.OffsetFromLocalMidnight(latestDay.StartsAt));

        var added = 0;
        var hours = await HourLabelsAsync(db, plant, rows, ct);
        string Key(ReportRow r) => r.Period == ReportPeriod.Hour ? hours!.Key(r.StartsAt) : LocalStart(plant.TimeZoneId, r);
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var existing = await db.Reports.Where(r => r.PlantId == plantId && r.DeviceId == deviceId && periods.Contains(r.Period))
            .ToDictionaryAsync(r => (r.Period, r.LocalStart), ct);
        foreach (var row in rows)
        {
            var key = (row.Period, Key(row));
            var json = JsonSerializer.Serialize(row.Values);
            if (existing.TryGetValue(key, out var report))
            {
                if (report.ValuesJson == json && report.StartsAt == row.StartsAt) continue;
                // An hour labelled before its day's clock change was known is corrected when the day closes.
                report.StartsAt = row.StartsAt;
                report.ValuesJson = json;
                report.ReceivedAt = receivedAt;
                continue;
            }
            report = new PeriodReport { PlantId = plantId, DeviceId = deviceId, Period = row.Period, LocalStart = key.Item2, StartsAt = row.StartsAt, ReceivedAt = receivedAt, ValuesJson = json };
            db.Reports.Add(report);
            existing[key] = report;
            added++;
        }
        await db.SaveChangesAsync(ct);
        notifier.Changed();
        return added;
    }

    /// <summary>
    /// Applies one complete active-alarm answer for <paramref name="plantIds"/>: new alarms are recorded, known ones
    /// touched, and alarms of those plants that are no longer listed are marked cleared at <paramref name="seenAt"/>.
    /// </summary>
    public async Task TrackAlarmsAsync(IReadOnlyDictionary<string, int> plantIdsByCode, IReadOnlyCollection<ActiveAlarm> active, DateTimeOffset seenAt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plantIds = plantIdsByCode.Values.ToList();
        var open = await db.Alarms.Where(a => plantIds.Contains(a.PlantId) && a.ClearedAt == null).ToListAsync(ct);
        var devices = await db.Devices.Where(d => plantIds.Contains(d.PlantId)).ToListAsync(ct);
        var seen = new HashSet<int>();
        foreach (var a in active)
        {
            if (!plantIdsByCode.TryGetValue(a.PlantVendorCode, out var plantId)) continue;
            var record = open.FirstOrDefault(o => o.PlantId == plantId && o.SerialNumber == a.SerialNumber && o.AlarmId == a.AlarmId && o.RaisedAt == a.RaisedAt)
                ?? await db.Alarms.FirstOrDefaultAsync(o => o.PlantId == plantId && o.SerialNumber == a.SerialNumber && o.AlarmId == a.AlarmId && o.RaisedAt == a.RaisedAt, ct);
            if (record is null)
            {
                record = new AlarmRecord
                {
                    PlantId = plantId, SerialNumber = a.SerialNumber, AlarmId = a.AlarmId, Name = a.Name, RaisedAt = a.RaisedAt, FirstSeenAt = seenAt,
                    DeviceId = devices.FirstOrDefault(d => d.PlantId == plantId && d.SerialNumber == a.SerialNumber)?.Id,
                };
                db.Alarms.Add(record);
            }
            record.DeviceName = a.DeviceName;
            record.DeviceTypeId = a.DeviceTypeId;
            record.CauseId = a.CauseId;
            record.Name = a.Name;
            record.Cause = a.Cause;
            record.RepairSuggestion = a.RepairSuggestion;
            record.Level = a.Level;
            record.AlarmType = a.AlarmType;
            record.LastSeenAt = seenAt;
            record.ClearedAt = null;
            if (record.Id != 0) seen.Add(record.Id);
        }
        foreach (var gone in open.Where(o => !seen.Contains(o.Id))) gone.ClearedAt = seenAt;
        await db.SaveChangesAsync(ct);
        notifier.Changed();
    }

    public async Task RecordCallsAsync(IReadOnlyCollection<VendorCall> calls, CancellationToken ct = default)
    {
        if (calls.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Calls.AddRange(calls);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Hour keys follow the plant's clock, which the known plant-local midnights around those hours tell.</summary>
    private static async Task<HourLabels?> HourLabelsAsync(SolarDbContext db, Plant plant, IReadOnlyCollection<ReportRow> rows, CancellationToken ct)
    {
        var hours = rows.Where(r => r.Period == ReportPeriod.Hour).Select(r => r.StartsAt).ToList();
        if (hours.Count == 0) return null;
        DateTimeOffset from = hours.Min() - TimeSpan.FromDays(2), to = hours.Max() + TimeSpan.FromDays(2);
        // Day reports start at plant-local midnights, and so does each day's first hour.
        var midnights = await db.Reports.AsNoTracking().Where(r => r.PlantId == plant.Id && r.DeviceId == null && r.StartsAt >= from && r.StartsAt <= to
                && (r.Period == ReportPeriod.Day || (r.Period == ReportPeriod.Hour && r.LocalStart.EndsWith("T00:00"))))
            .Select(r => r.StartsAt).ToListAsync(ct);
        // An hour answer is one plant-local day from its midnight: its first hour is that midnight, when it sits where
        // the plant's known offset (give or take a clock change) puts a midnight.
        var first = hours.Min();
        var known = PlantTime.OffsetAt(plant.TimeZoneId, first);
        if ((PlantTime.OffsetFromLocalMidnight(first) - known).Duration() <= TimeSpan.FromHours(1)) midnights.Add(first);
        return new HourLabels(midnights, PlantTime.OffsetAt(plant.TimeZoneId, hours.Max()));
    }

    public static string LocalStart(string timeZoneId, ReportRow row) => row.Period switch
    {
        ReportPeriod.Hour => PlantTime.ToLocal(timeZoneId, row.StartsAt).ToString("yyyy-MM-dd'T'HH:00", CultureInfo.InvariantCulture),
        ReportPeriod.Day => PlantTime.PeriodDate(timeZoneId, row.StartsAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportPeriod.Month => PlantTime.PeriodDate(timeZoneId, row.StartsAt).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => PlantTime.PeriodDate(timeZoneId, row.StartsAt).ToString("yyyy", CultureInfo.InvariantCulture),
    };

    private static DeviceSample Sample(int deviceId, KpiSnapshot snapshot)
    {
        var at = snapshot.IntervalStart ?? snapshot.CollectedAt;
        return new DeviceSample(deviceId, new DateTimeOffset(at.UtcTicks - at.UtcTicks % SeriesPacking.Slot.Ticks, TimeSpan.Zero), snapshot.Values);
    }

    private static void Merge(SolarDbContext db, LatestKpis? row, KpiSnapshot snapshot, DateTimeOffset receivedAt, int? plantId, int? deviceId)
    {
        if (row is null)
        {
            db.LatestKpis.Add(new LatestKpis { PlantId = plantId, DeviceId = deviceId, CollectedAt = snapshot.CollectedAt, ReceivedAt = receivedAt, ValuesJson = JsonSerializer.Serialize(snapshot.Values) });
            return;
        }
        if (snapshot.CollectedAt < row.CollectedAt) return;
        var previous = JsonSerializer.Deserialize<Dictionary<string, double?>>(row.ValuesJson) ?? [];
        var values = new Dictionary<string, double?>(snapshot.Values);
        foreach (var (key, old) in previous)
        {
            if (old is null) continue;
            var value = values.GetValueOrDefault(key);
            // Same instant answered twice: keep what the first answer had and the second lacks.
            if (value is null && snapshot.CollectedAt == row.CollectedAt) values[key] = old;
            // A lifetime counter that reads lower, or not at all, is the vendor's glitch, not a loss of energy: keep the last good one.
            else if (LifetimeCounters.IsLifetime(key) && (value is null || value < old)) values[key] = old;
        }
        row.ValuesJson = JsonSerializer.Serialize(values);
        row.CollectedAt = snapshot.CollectedAt;
        row.ReceivedAt = receivedAt;
    }
}
