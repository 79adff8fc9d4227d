using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Ingest;

/// <summary>
/// Keeps <see cref="PlantSummaryRow"/>s: each plant's standard values combined from its own and its devices' latest values
/// by <see cref="PlantAggregation"/>, with their ages, health and active alarm counts. The ingest calls it after every
/// write that concerns a plant, so pages never combine devices themselves.
/// </summary>
public sealed class PlantSummaries(IDbContextFactory<SolarDbContext> dbFactory, TimeProvider time)
{
    private static readonly StandardMeasure[] Powers = [StandardMeasure.PvKw, StandardMeasure.BatteryKw, StandardMeasure.GridKw, StandardMeasure.LoadKw];

    /// <summary>Plants per refresh query: their ids and their devices' ids stay far below SQLite's limit of 32,766 SQL variables.</summary>
    private const int Batch = 500;

    public async Task RefreshAsync(IReadOnlyCollection<int> plantIds, CancellationToken ct = default)
    {
        foreach (var batch in plantIds.Distinct().Chunk(Batch)) await RefreshBatchAsync(batch, ct);
    }

    /// <summary>Builds every plant's summary that is missing (plants stored before summaries existed, or seeded directly).</summary>
    public async Task RefreshMissingAsync(CancellationToken ct = default)
    {
        List<int> missing;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            missing = await db.Plants.Where(p => !db.PlantSummaries.Any(s => s.PlantId == p.Id)).Select(p => p.Id).ToListAsync(ct);
        await RefreshAsync(missing, ct);
    }

    private async Task RefreshBatchAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plants = await db.Plants.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.TimeZoneId }).ToDictionaryAsync(p => p.Id, ct);
        var devices = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.PlantId)).Select(d => new { d.Id, d.PlantId, d.Role }).ToListAsync(ct);
        var deviceIds = devices.Select(d => d.Id).ToList();
        var roles = devices.ToDictionary(d => d.Id, d => (d.PlantId, d.Role));
        var latest = await db.LatestKpis.AsNoTracking()
            .Where(k => (k.PlantId != null && ids.Contains(k.PlantId.Value)) || (k.DeviceId != null && deviceIds.Contains(k.DeviceId.Value)))
            .Select(k => new { k.PlantId, k.DeviceId, k.CollectedAt, k.StandardJson }).ToListAsync(ct);
        var alarms = await db.Alarms.AsNoTracking().Where(a => ids.Contains(a.PlantId) && a.ClearedAt == null)
            .GroupBy(a => new { a.PlantId, a.Level }).Select(g => new { g.Key.PlantId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var rows = await db.PlantSummaries.Where(s => ids.Contains(s.PlantId)).ToDictionaryAsync(s => s.PlantId, ct);

        var readings = latest.Select(k => k.PlantId is { } plantId
                ? (PlantId: plantId, Reading: new MeasureReading(null, StandardValues.Parse(k.StandardJson), k.CollectedAt))
                : (PlantId: roles[k.DeviceId!.Value].PlantId, Reading: new MeasureReading(roles[k.DeviceId!.Value].Role, StandardValues.Parse(k.StandardJson), k.CollectedAt)))
            .ToLookup(r => r.PlantId, r => r.Reading);
        var alarmsByPlant = alarms.ToLookup(a => a.PlantId);
        var now = time.GetUtcNow();
        foreach (var (plantId, plant) in plants)
        {
            if (!rows.TryGetValue(plantId, out var row))
            {
                row = new PlantSummaryRow { PlantId = plantId, StandardJson = "{}" };
                db.PlantSummaries.Add(row);
            }
            Fill(row, plant.TimeZoneId, readings[plantId].ToList());
            int Count(int level) => alarmsByPlant[plantId].Where(a => a.Level == level).Sum(a => a.Count);
            (row.AlarmsCritical, row.AlarmsMajor, row.AlarmsMinor, row.AlarmsWarning) = (Count(1), Count(2), Count(3), Count(4));
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Fill(PlantSummaryRow row, string timeZoneId, List<MeasureReading> readings)
    {
        // Today's energies of a reading from an earlier plant-local day belong to that day: they do not add to today's.
        var newest = readings.Count == 0 ? (DateTimeOffset?)null : readings.Max(r => r.At);
        var today = newest is { } n ? PlantTime.LocalDate(timeZoneId, n) : default;
        var current = readings.Select(r => PlantTime.LocalDate(timeZoneId, r.At) == today ? r : r with { Values = WithoutToday(r.Values) }).ToList();
        var combined = PlantAggregation.Combine(current, StandardMeasure.RealTime);

        row.Health = combined.Values.Health;
        row.PvKw = combined[StandardMeasure.PvKw];
        row.BatteryKw = combined[StandardMeasure.BatteryKw];
        row.GridKw = combined[StandardMeasure.GridKw];
        row.LoadKw = combined[StandardMeasure.LoadKw];
        row.PowerAt = combined.OldestOf(Powers);
        row.Soc = combined[StandardMeasure.Soc];
        row.SocAt = combined.AtOf(StandardMeasure.Soc);
        row.PvKwhToday = combined[StandardMeasure.PvKwhToday];
        row.EnergyAt = combined.OldestOf(StandardMeasure.PvKwhToday, StandardMeasure.PvKwhTotal);
        row.EnergyDate = newest is null ? null : today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // The plant's own values date it when the vendor reports any; else its newest device does.
        row.DataCollectedAt = readings.Where(r => r.Role is null).Select(r => (DateTimeOffset?)r.At).DefaultIfEmpty(newest).Max();
        row.StandardJson = combined.Values.ToJson();
    }

    private static StandardValues WithoutToday(StandardValues values)
    {
        var copy = new StandardValues();
        foreach (var measure in StandardMeasure.All.Where(m => m.Kind != MeasureKind.EnergyToday)) copy.Set(measure, values[measure]);
        return copy;
    }
}
