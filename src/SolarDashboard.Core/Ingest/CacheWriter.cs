using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Alarms;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Core.Ingest;

/// <summary>
/// Stores what the vendor layer fetched: every raw value as sent, and beside it the standard measures the vendor's mapping
/// makes of them (<see cref="IMeasureMapping"/>), in latest values, 5-minute series and period reports alike. Every write
/// is an upsert keyed by what the data describes (plant key, device key, collect time, plant-local period, alarm
/// identity), so ingesting the same answer twice adds nothing. Plant summaries follow every change that concerns them.
/// </summary>
public sealed class CacheWriter(IDbContextFactory<SolarDbContext> dbFactory, SeriesStore series, CacheNotifier notifier, MeasureMappings mappings, PlantSummaries summaries)
{
    /// <summary>Adds new plants and devices, refreshes known ones. Returns the cache ids by the vendor's plant and device keys.</summary>
    public async Task<(IReadOnlyDictionary<string, int> Plants, IReadOnlyDictionary<string, int> Devices)> UpsertCatalogAsync(
        int connectionId, IReadOnlyCollection<PlantInfo> plants, IReadOnlyCollection<DeviceInfo>? devices, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await db.Plants.Where(p => p.ConnectionId == connectionId).ToDictionaryAsync(p => p.VendorKey, ct);
        foreach (var info in plants)
        {
            if (!known.TryGetValue(info.VendorKey, out var plant))
            {
                plant = new Plant { ConnectionId = connectionId, VendorKey = info.VendorKey, Name = info.Name, TimeZoneId = info.TimeZoneId, DiscoveredAt = now };
                db.Plants.Add(plant);
                known[info.VendorKey] = plant;
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

        var touched = new HashSet<int>();
        if (devices is not null)
        {
            var plantIds = known.Values.Select(p => p.Id).ToList();
            var knownDevices = await db.Devices.Where(d => plantIds.Contains(d.PlantId)).ToListAsync(ct);
            var byKey = knownDevices.ToDictionary(d => (d.PlantId, d.VendorKey));
            foreach (var info in devices)
            {
                if (!known.TryGetValue(info.PlantVendorKey, out var plant)) continue;
                if (!byKey.TryGetValue((plant.Id, info.VendorKey), out var device))
                {
                    device = new Device { PlantId = plant.Id, VendorKey = info.VendorKey, Name = info.Name, VendorType = info.VendorType };
                    db.Devices.Add(device);
                    byKey[(plant.Id, info.VendorKey)] = device;
                    touched.Add(plant.Id);
                }
                if (device.Role != info.Role || device.VendorType != info.VendorType) touched.Add(plant.Id);
                device.Name = info.Name;
                device.SerialNumber = info.SerialNumber;
                device.Role = info.Role;
                device.VendorType = info.VendorType;
                device.Model = info.Model;
                device.Firmware = info.Firmware;
                device.Optimizers = info.Optimizers;
                device.LastSeenAt = now;
            }
            await db.SaveChangesAsync(ct);
        }
        // New plants get their (empty) summary row; a device that joins or changes role changes how its plant adds up.
        touched.UnionWith(known.Values.Select(p => p.Id).Except(await db.PlantSummaries.Where(s => db.Plants.Any(p => p.Id == s.PlantId && p.ConnectionId == connectionId))
            .Select(s => s.PlantId).ToListAsync(ct)));
        if (touched.Count > 0) await summaries.RefreshAsync(touched, ct);

        var devicesByVendor = await db.Devices.Where(d => db.Plants.Any(p => p.Id == d.PlantId && p.ConnectionId == connectionId))
            .ToDictionaryAsync(d => d.VendorKey, d => d.Id, ct);
        notifier.Changed();
        return (known.ToDictionary(p => p.Key, p => p.Value.Id), devicesByVendor);
    }

    /// <summary>Latest plant values. An older answer never replaces a newer one; lifetime counters never go down.</summary>
    public async Task WritePlantKpisAsync(IReadOnlyDictionary<int, KpiSnapshot> byPlantId, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = byPlantId.Keys.ToList();
            var vendors = await IngestSources.PlantsAsync(db, ids, ct);
            var existing = await db.LatestKpis.Where(k => k.PlantId != null && ids.Contains(k.PlantId.Value)).ToDictionaryAsync(k => k.PlantId!.Value, ct);
            foreach (var (plantId, snapshot) in byPlantId)
            {
                if (!vendors.TryGetValue(plantId, out var vendor)) continue;
                var mapping = mappings.For(vendor);
                Merge(db, existing.GetValueOrDefault(plantId), snapshot, receivedAt, plantId, null, mapping, mapping.Plant);
            }
            await db.SaveChangesAsync(ct);
        }
        await summaries.RefreshAsync(byPlantId.Keys.ToList(), ct);
        notifier.Changed();
    }

    /// <summary>Latest device values, also kept as 5-minute samples (raw and standard) so today's curves need no extra call.</summary>
    public async Task WriteDeviceKpisAsync(IReadOnlyDictionary<int, KpiSnapshot> byDeviceId, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        Dictionary<int, DeviceSource> sources;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = byDeviceId.Keys.ToList();
            sources = await IngestSources.DevicesAsync(db, ids, ct);
            var existing = await db.LatestKpis.Where(k => k.DeviceId != null && ids.Contains(k.DeviceId.Value)).ToDictionaryAsync(k => k.DeviceId!.Value, ct);
            foreach (var (deviceId, snapshot) in byDeviceId)
            {
                if (!sources.TryGetValue(deviceId, out var source)) continue;
                var mapping = mappings.For(source.Vendor);
                Merge(db, existing.GetValueOrDefault(deviceId), snapshot, receivedAt, null, deviceId, mapping, raw => mapping.Device(source.VendorType, raw));
            }
            await db.SaveChangesAsync(ct);
        }
        await series.WriteAsync(byDeviceId.Where(d => sources.ContainsKey(d.Key)).Select(d => Sample(sources[d.Key], d.Value)).ToList(), ct);
        await summaries.RefreshAsync(sources.Values.Select(s => s.PlantId).Distinct().ToList(), ct);
        notifier.Changed();
    }

    /// <summary>5-minute history: the raw values and the standard series the vendor's mapping makes of them.</summary>
    public async Task<SeriesWriteResult> WriteHistoryAsync(IEnumerable<(int DeviceId, KpiSnapshot Sample)> samples, CancellationToken ct = default)
    {
        var list = samples as IReadOnlyCollection<(int DeviceId, KpiSnapshot Sample)> ?? samples.ToList();
        if (list.Count == 0) return default;
        Dictionary<int, DeviceSource> sources;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            sources = await IngestSources.DevicesAsync(db, list.Select(s => s.DeviceId).Distinct().ToList(), ct);
        var result = await series.WriteAsync(list.Where(s => sources.ContainsKey(s.DeviceId)).Select(s => Sample(sources[s.DeviceId], s.Sample)).ToList(), ct);
        if (result.SlotsChanged > 0) notifier.Changed();
        return result;
    }

    /// <summary>Reports keyed by plant-local period, with their standard energies; a day report also teaches the plant's current UTC offset.</summary>
    public async Task<int> WriteReportsAsync(int? plantId, int? deviceId, IReadOnlyCollection<ReportRow> rows, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        if (rows.Count == 0) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plant = plantId is { } pid ? await db.Plants.SingleAsync(p => p.Id == pid, ct)
            : await db.Plants.SingleAsync(p => db.Devices.Any(d => d.Id == deviceId && d.PlantId == p.Id), ct);
        var vendor = (await IngestSources.PlantsAsync(db, [plant.Id], ct))[plant.Id];
        var mapping = mappings.For(vendor);
        var vendorType = deviceId is { } did ? await db.Devices.Where(d => d.Id == did).Select(d => d.VendorType).SingleAsync(ct) : null;
        StandardValues Standard(ReportRow r) => vendorType is null ? mapping.PlantReport(r.Period, r.Values) : mapping.DeviceReport(vendorType, r.Period, r.Values);

        // A plant known by a fixed offset learns its current one from its newest day's midnight; a backfilled past
        // month (summer time in winter) must not teach it.
        var latestDay = rows.Where(r => r.Period == ReportPeriod.Day).MaxBy(r => r.StartsAt);
        if (latestDay is not null && plant.TimeZoneId.Length == 6
            && !await db.Reports.AnyAsync(r => r.PlantId == plant.Id && r.DeviceId == null && r.Period == ReportPeriod.Day && r.StartsAt > latestDay.StartsAt, ct))
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
            var json = KpiJson.Serialize(row.Values);
            var standard = Standard(row).ToJson();
            if (existing.TryGetValue(key, out var report))
            {
                if (report.ValuesJson == json && report.StartsAt == row.StartsAt && report.StandardJson == standard)
                {
                    // The same figures fetched again after the period ended make them final: the REDEX export waits for that.
                    if (report.ReceivedAt < row.StartsAt + LongestLength(row.Period)) report.ReceivedAt = receivedAt;
                    continue;
                }
                // An hour labelled before its day's clock change was known is corrected when the day closes.
                report.StartsAt = row.StartsAt;
                report.ValuesJson = json;
                report.StandardJson = standard;
                report.ReceivedAt = receivedAt;
                continue;
            }
            report = new PeriodReport
            {
                PlantId = plantId, DeviceId = deviceId, Period = row.Period, LocalStart = key.Item2, StartsAt = row.StartsAt, ReceivedAt = receivedAt,
                ValuesJson = json, StandardJson = standard,
            };
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
    public async Task TrackAlarmsAsync(IReadOnlyDictionary<string, int> plantIdsByKey, IReadOnlyCollection<ActiveAlarm> active, DateTimeOffset seenAt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plantIds = plantIdsByKey.Values.ToList();
        var open = await db.Alarms.Where(a => plantIds.Contains(a.PlantId) && a.ClearedAt == null).ToListAsync(ct);
        var devices = await db.Devices.Where(d => plantIds.Contains(d.PlantId)).ToListAsync(ct);
        var seen = new HashSet<int>();
        foreach (var a in active)
        {
            if (!plantIdsByKey.TryGetValue(a.PlantVendorKey, out var plantId)) continue;
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
            record.DeviceVendorType = a.DeviceVendorType;
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
        await summaries.RefreshAsync(plantIds, ct);
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

    /// <summary>A period's length at its longest (a day with a clock change, a 31-day month, a leap year), plus an hour.</summary>
    private static TimeSpan LongestLength(ReportPeriod period) => period switch
    {
        ReportPeriod.Hour => TimeSpan.FromHours(2),
        ReportPeriod.Day => TimeSpan.FromHours(26),
        ReportPeriod.Month => TimeSpan.FromDays(31) + TimeSpan.FromHours(2),
        _ => TimeSpan.FromDays(366) + TimeSpan.FromHours(2),
    };

    public static string LocalStart(string timeZoneId, ReportRow row) => row.Period switch
    {
        ReportPeriod.Hour => PlantTime.ToLocal(timeZoneId, row.StartsAt).ToString("yyyy-MM-dd'T'HH:00", CultureInfo.InvariantCulture),
        ReportPeriod.Day => PlantTime.PeriodDate(timeZoneId, row.StartsAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportPeriod.Month => PlantTime.PeriodDate(timeZoneId, row.StartsAt).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => PlantTime.PeriodDate(timeZoneId, row.StartsAt).ToString("yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>A slot of raw values with the standard series (<see cref="StandardMeasure.StoredSeries"/>) the mapping makes of them.</summary>
    private DeviceSample Sample(DeviceSource source, KpiSnapshot snapshot)
    {
        var at = snapshot.IntervalStart ?? snapshot.CollectedAt;
        var standard = mappings.For(source.Vendor).Device(source.VendorType, snapshot.Values);
        List<KeyValuePair<string, double>>? series = null;
        foreach (var measure in StandardMeasure.StoredSeries)
            if (standard[measure] is { } v) (series ??= []).Add(new(measure.SeriesName, v));
        return new DeviceSample(source.DeviceId, new DateTimeOffset(at.UtcTicks - at.UtcTicks % SeriesPacking.Slot.Ticks, TimeSpan.Zero), snapshot.Values, series);
    }

    private static void Merge(SolarDbContext db, LatestKpis? row, KpiSnapshot snapshot, DateTimeOffset receivedAt, int? plantId, int? deviceId,
        IMeasureMapping mapping, Func<IReadOnlyDictionary<string, double?>, StandardValues> standard)
    {
        if (row is null)
        {
            db.LatestKpis.Add(new LatestKpis
            {
                PlantId = plantId, DeviceId = deviceId, CollectedAt = snapshot.CollectedAt, ReceivedAt = receivedAt,
                ValuesJson = KpiJson.Serialize(snapshot.Values), StandardJson = standard(snapshot.Values).ToJson(),
            });
            return;
        }
        if (snapshot.CollectedAt < row.CollectedAt) return;
        var previous = KpiJson.Parse(row.ValuesJson);
        var values = new Dictionary<string, double?>(snapshot.Values);
        foreach (var (key, old) in previous)
        {
            if (old is null) continue;
            var value = values.GetValueOrDefault(key);
            // Same instant answered twice: keep what the first answer had and the second lacks.
            if (value is null && snapshot.CollectedAt == row.CollectedAt) values[key] = old;
            // A lifetime counter that reads lower, or not at all, is the vendor's glitch, not a loss of energy: keep the last good one.
            else if (mapping.IsLifetimeCounter(key) && (value is null || value < old)) values[key] = old;
        }
        row.ValuesJson = KpiJson.Serialize(values);
        row.StandardJson = standard(values).ToJson();
        row.CollectedAt = snapshot.CollectedAt;
        row.ReceivedAt = receivedAt;
    }
}
