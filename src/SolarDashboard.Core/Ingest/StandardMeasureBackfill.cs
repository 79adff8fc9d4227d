using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Core.Ingest;

/// <summary>
/// The data step of the upgrade to standard measures: what SQL cannot compute, computed once through each vendor's mapping.
/// Every step picks up only what is still to do, commits as it goes and can be interrupted (idempotent and resumable):
/// <list type="bullet">
/// <item>device roles, for vendors with a mapping (the migration cannot know them);</item>
/// <item>latest values and period reports whose <c>StandardJson</c> is null (rows stored before this release);</item>
/// <item>plant summaries that do not exist yet;</item>
/// <item>the standard series of stored 5-minute history, per connection the migration marked (a <see cref="Sync.SyncState"/>
/// named <see cref="SeriesDataClass"/> whose cursor is the last device done).</item>
/// </list>
/// The first three are bounded by the fleet's size and run before the app serves pages; history runs in the background.
/// </summary>
public sealed class StandardMeasureBackfill(
    IDbContextFactory<SolarDbContext> dbFactory,
    SeriesStore series,
    IEnumerable<IMeasureMapping> registered,
    MeasureMappings mappings,
    PlantSummaries summaries,
    ILogger<StandardMeasureBackfill> logger)
{
    /// <summary>The sync state the migration adds per existing connection; its cursor is the id of the last device done.</summary>
    public const string SeriesDataClass = "Core.StandardSeriesBackfill";

    public const string Done = "done";

    private const int Batch = 500;

    /// <summary>Roles, latest values and summaries: fast, before anything reads them.</summary>
    public async Task RunLatestAsync(CancellationToken ct = default)
    {
        var plants = new HashSet<int>();
        plants.UnionWith(await RolesAsync(ct));
        plants.UnionWith(await LatestAsync(ct));
        if (plants.Count > 0) logger.LogInformation("Computed standard measures of the latest values of {Count} plant(s)", plants.Count);
        await summaries.RefreshAsync(plants, ct);
        await summaries.RefreshMissingAsync(ct);
    }

    /// <summary>Period reports and 5-minute series: as long as the history is.</summary>
    public async Task RunHistoryAsync(CancellationToken ct = default)
    {
        var reports = await ReportsAsync(ct);
        var devices = await SeriesAsync(ct);
        if (reports + devices > 0) logger.LogInformation("Computed standard measures of {Reports} report(s) and the series of {Devices} device(s)", reports, devices);
    }

    private async Task<IEnumerable<int>> RolesAsync(CancellationToken ct)
    {
        var vendors = registered.Select(m => m.Vendor).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var devices = await (from d in db.Devices
                             join p in db.Plants on d.PlantId equals p.Id
                             join c in db.Connections on p.ConnectionId equals c.Id
                             where vendors.Contains(c.Vendor)
                             select new { Device = d, c.Vendor }).ToListAsync(ct);
        var changed = new List<int>();
        foreach (var x in devices)
        {
            var role = mappings.For(x.Vendor).RoleOf(x.Device.VendorType);
            if (x.Device.Role == role) continue;
            x.Device.Role = role;
            changed.Add(x.Device.PlantId);
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    private async Task<IEnumerable<int>> LatestAsync(CancellationToken ct)
    {
        var plants = new HashSet<int>();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.LatestKpis.Where(k => k.StandardJson == null).OrderBy(k => k.Id).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) return plants;
            var devices = await IngestSources.DevicesAsync(db, rows.Where(r => r.DeviceId != null).Select(r => r.DeviceId!.Value).ToList(), ct);
            var vendors = await IngestSources.PlantsAsync(db, rows.Where(r => r.PlantId != null).Select(r => r.PlantId!.Value).ToList(), ct);
            foreach (var row in rows)
            {
                var raw = KpiJson.Parse(row.ValuesJson);
                if (row.DeviceId is { } deviceId && devices.TryGetValue(deviceId, out var device))
                {
                    row.StandardJson = mappings.For(device.Vendor).Device(device.VendorType, raw).ToJson();
                    plants.Add(device.PlantId);
                }
                else if (row.PlantId is { } plantId && vendors.TryGetValue(plantId, out var vendor))
                {
                    row.StandardJson = mappings.For(vendor).Plant(raw).ToJson();
                    plants.Add(plantId);
                }
                else row.StandardJson = StandardValues.Empty.ToJson();
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<int> ReportsAsync(CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.Reports.Where(r => r.StandardJson == null).OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) return done;
            var devices = await IngestSources.DevicesAsync(db, rows.Where(r => r.DeviceId != null).Select(r => r.DeviceId!.Value).Distinct().ToList(), ct);
            var vendors = await IngestSources.PlantsAsync(db, rows.Where(r => r.PlantId != null).Select(r => r.PlantId!.Value).Distinct().ToList(), ct);
            foreach (var row in rows)
            {
                var raw = KpiJson.Parse(row.ValuesJson);
                row.StandardJson = (row.DeviceId is { } deviceId && devices.TryGetValue(deviceId, out var device)
                        ? mappings.For(device.Vendor).DeviceReport(device.VendorType, row.Period, raw)
                        : row.PlantId is { } plantId && vendors.TryGetValue(plantId, out var vendor)
                            ? mappings.For(vendor).PlantReport(row.Period, raw)
                            : StandardValues.Empty).ToJson();
            }
            await db.SaveChangesAsync(ct);
            done += rows.Count;
        }
    }

    private async Task<int> SeriesAsync(CancellationToken ct)
    {
        var done = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.SyncStates.Where(s => s.DataClass == SeriesDataClass && s.Cursor != Done).ToListAsync(ct);
        foreach (var state in pending)
        {
            var vendor = await db.Connections.Where(c => c.Id == state.ConnectionId).Select(c => c.Vendor).SingleAsync(ct);
            var mapping = mappings.For(vendor);
            var after = int.TryParse(state.Cursor, out var cursor) ? cursor : 0;
            var devices = await db.Devices.AsNoTracking().Where(d => d.Id > after && db.Plants.Any(p => p.Id == d.PlantId && p.ConnectionId == state.ConnectionId))
                .OrderBy(d => d.Id).Select(d => new { d.Id, d.VendorType }).ToListAsync(ct);
            foreach (var device in devices)
            {
                await DeviceSeriesAsync(device.Id, device.VendorType, mapping, ct);
                state.Cursor = device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await db.SaveChangesAsync(ct);
                done++;
            }
            state.Cursor = Done;
            await db.SaveChangesAsync(ct);
        }
        return done;
    }

    /// <summary>The standard series of one device's stored history, slot by slot from the raw series its mapping reads.</summary>
    private async Task DeviceSeriesAsync(int deviceId, string vendorType, IMeasureMapping mapping, CancellationToken ct)
    {
        var inputs = mapping.SeriesInputs(vendorType);
        if (inputs.Count == 0) return;
        var samples = new List<DeviceSample>();
        foreach (var (day, byName) in await series.ReadDaysAsync(deviceId, inputs, ct))
        {
            for (var slot = 0; slot < SeriesPacking.SlotsPerDay; slot++)
            {
                var raw = new Dictionary<string, double?>(StringComparer.Ordinal);
                foreach (var (name, values) in byName)
                {
                    var value = SeriesPacking.Get(values, slot);
                    if (!double.IsNaN(value)) raw[name] = value;
                }
                if (raw.Count == 0) continue;
                var standard = mapping.Device(vendorType, raw);
                var slotValues = StandardMeasure.StoredSeries.Where(m => standard[m] is not null).ToDictionary(m => m.SeriesName, m => standard[m]);
                if (slotValues.Count > 0) samples.Add(new DeviceSample(deviceId, SeriesPacking.TimeOf(day, slot), slotValues));
            }
            if (samples.Count >= 30 * SeriesPacking.SlotsPerDay)
            {
                await series.WriteAsync(samples, ct);
                samples.Clear();
            }
        }
        await series.WriteAsync(samples, ct);
    }
}
