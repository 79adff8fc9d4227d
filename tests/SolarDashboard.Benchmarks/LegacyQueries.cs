using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.TimeSeries;

/// <summary>
/// The query path pages used before the vendor-neutral model (release 938ff15's PlantQueries.ListPlantsAsync, GetPlantAsync
/// and GetTodayCurvesAsync), reproduced on today's schema so the page-load scenario can time both in one run: every plant
/// and device's latest raw JSON read and parsed per request, sums by FusionSolar device type.
/// </summary>
internal sealed class LegacyQueries(IDbContextFactory<SolarDbContext> dbFactory, SeriesStore series)
{
    private static readonly string[] Inverters = ["1", "38"], Batteries = ["39", "41"];

    public sealed record Row(int Id, string Name, double? Power, double? Today, double? Soc, int Alarms);

    public async Task<IReadOnlyList<Row>> ListPlantsAsync(IReadOnlyCollection<int>? plantIds, DateTimeOffset now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var plants = await db.Plants.AsNoTracking().Where(p => plantIds == null || plantIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync();
        var ids = plants.Select(p => p.Id).ToList();
        // Taken literally (every id as a parameter of an IN list) this fails beyond SQLite's 32,766 variables with EF Core 10:
        // 10,000 plants have 40,000 devices. For the whole fleet it reads every row, which is what it amounted to.
        var all = plantIds is null;
        var plantKpis = await db.LatestKpis.AsNoTracking().Where(k => k.PlantId != null && (all || ids.Contains(k.PlantId.Value))).ToDictionaryAsync(k => k.PlantId!.Value);
        var devices = await db.Devices.AsNoTracking().Where(d => all || ids.Contains(d.PlantId)).ToListAsync();
        var deviceIds = devices.Select(d => d.Id).ToList();
        var deviceKpis = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null && (all || deviceIds.Contains(k.DeviceId.Value))).ToDictionaryAsync(k => k.DeviceId!.Value);
        var alarms = await db.Alarms.AsNoTracking().Where(a => (all || ids.Contains(a.PlantId)) && a.ClearedAt == null)
            .GroupBy(a => new { a.PlantId, a.Level }).Select(g => new { g.Key.PlantId, g.Key.Level, Count = g.Count() }).ToListAsync();
        var states = await db.SyncStates.AsNoTracking().Where(s => s.DataClass == "PlantRealTime").ToListAsync();
        var vendors = await db.Connections.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Vendor.ToString());
        var devicesByPlant = devices.ToLookup(d => d.PlantId);
        var parsed = deviceKpis.ToDictionary(k => k.Key, k => KpiJson.Parse(k.Value.ValuesJson));
        var alarmsByPlant = alarms.ToLookup(a => a.PlantId);
        return plants.Select(p =>
        {
            var kpis = plantKpis.GetValueOrDefault(p.Id);
            var values = kpis is null ? new Dictionary<string, double?>() : KpiJson.Parse(kpis.ValuesJson);
            var isToday = kpis is not null && PlantTime.LocalDate(p.TimeZoneId, kpis.CollectedAt) == PlantTime.LocalDate(p.TimeZoneId, now);
            var mine = devicesByPlant[p.Id].ToList();
            var inverters = mine.Where(d => Inverters.Contains(d.VendorType) && deviceKpis.ContainsKey(d.Id)).Select(d => d.Id).ToList();
            var batteries = mine.Where(d => Batteries.Contains(d.VendorType) && deviceKpis.ContainsKey(d.Id)).Select(d => d.Id).ToList();
            double? power = inverters.Count == 0 ? null : inverters.Sum(id => parsed[id].GetValueOrDefault("active_power") ?? 0);
            var soc = batteries.Select(id => parsed[id].GetValueOrDefault("battery_soc")).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(double.NaN).Average();
            _ = vendors.GetValueOrDefault(p.ConnectionId);
            return new Row(p.Id, p.Name, power, kpis is null ? null : isToday ? values.GetValueOrDefault("day_power") : 0.0, double.IsNaN(soc) ? null : soc,
                alarmsByPlant[p.Id].Sum(a => a.Count));
        }).ToList();
    }

    /// <summary>The plant page's reads: its row, its devices' latest values summed by type, and today's curves from raw series.</summary>
    public async Task<int> PlantPageAsync(int plantId, string timeZoneId, DateTimeOffset now)
    {
        var row = (await ListPlantsAsync([plantId], now)).Single();
        await using var db = await dbFactory.CreateDbContextAsync();
        var devices = await db.Devices.AsNoTracking().Where(x => x.PlantId == plantId).OrderBy(x => x.VendorType).ThenBy(x => x.Name).ToListAsync();
        var ids = devices.Select(x => x.Id).ToList();
        var latest = await db.LatestKpis.AsNoTracking().Where(k => k.DeviceId != null && ids.Contains(k.DeviceId.Value)).ToDictionaryAsync(k => k.DeviceId!.Value);
        var pv = devices.Where(d => Inverters.Contains(d.VendorType) && latest.ContainsKey(d.Id)).Sum(d => KpiJson.Parse(latest[d.Id].ValuesJson).GetValueOrDefault("active_power") ?? 0);
        var local = PlantTime.ToLocal(timeZoneId, now);
        var from = new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
        var points = 0;
        foreach (var (types, kpi) in new[] { (Inverters, "active_power"), (Batteries, "ch_discharge_power"), (new[] { "47", "17" }, "active_power") })
            foreach (var d in devices.Where(d => types.Contains(d.VendorType)))
                points += (await series.ReadAsync(d.Id, kpi, from, now)).Count;
        return points + (int)pv + row.Alarms;
    }
}
