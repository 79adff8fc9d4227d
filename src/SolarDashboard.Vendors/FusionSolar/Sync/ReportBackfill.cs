using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Sync;
using SolarDashboard.Vendors.FusionSolar.Wire;
using static SolarDashboard.Vendors.FusionSolar.Model.FusionSolarDeviceTypes;

namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>
/// Past periods the regular report jobs never see (they ask for the period holding "now"), fetched newest first back to
/// each plant's grid connection (<see cref="MonthsWithoutGridDate"/> months when the vendor gives no date):
/// <list type="bullet">
/// <item>plant day reports, month by month: each plant's progress is <see cref="Plant.HistoryLoadedFrom"/>, which the
/// charts read to say how far back history is loaded;</item>
/// <item>plant month reports, year by year (the year chart), cursor "PlantMonthReport.Backfill";</item>
/// <item>device day reports, month by month (an inverter's days, which the REDEX export sends), cursor
/// "DeviceDayReport.Backfill";</item>
/// <item>plant hour reports, day by day, only where day reports are loaded (their midnights label the hours) and for at
/// most <see cref="HourDays"/> days, cursor "PlantHourReport.Backfill".</item>
/// </list>
/// Year reports need none: one answer holds every year since construction. Each call is paid from its API's headroom
/// (what the regular runs and period closing leave in the budget window); at most <see cref="CallsPerRound"/> calls per
/// API in a round, so live data never waits. Progress is saved after every call.
/// </summary>
internal sealed class ReportBackfill(int connectionId, FusionSolarClient client, CacheWriter writer)
{
    public const int CallsPerRound = 2;
    public const int MonthsWithoutGridDate = 24;
    public const int HourDays = 365;

    /// <summary>Whether one more call of the class's API fits its budget window now.</summary>
    public delegate Task<bool> Headroom(DataClass dataClass);

    /// <summary>Plant groups of a period fetched in this process while the period's cursor has not moved (class, key, plant).</summary>
    private readonly HashSet<(DataClass, string, int)> _done = [];

    public async Task RunAsync(SolarDbContext db, Dictionary<string, SyncState> states, Headroom headroom, Func<Task> save, DateTimeOffset now, CancellationToken ct)
    {
        var plants = await db.Plants.Where(p => p.ConnectionId == connectionId).OrderBy(p => p.Id).ToListAsync(ct);
        if (plants.Count == 0) return;
        await DaysAsync(plants, headroom, save, now, ct);
        await ByCursorAsync(db, plants, Cursor(db, states, DataClass.PlantMonthReport, now), ReportPeriod.Month, headroom, save, now, ct);
        await ByCursorAsync(db, plants, Cursor(db, states, DataClass.DeviceDayReport, now), ReportPeriod.Day, headroom, save, now, ct);
        await ByCursorAsync(db, plants, Cursor(db, states, DataClass.PlantHourReport, now), ReportPeriod.Hour, headroom, save, now, ct);
    }

    /// <summary>The first month a plant's reports can hold: its grid connection's, or a bounded guess without one.</summary>
    public static DateOnly Floor(Plant plant, DateTimeOffset now)
    {
        var date = plant.GridConnectedAt is { } connected
            ? PlantTime.LocalDate(plant.TimeZoneId, connected)
            : ThisMonth(plant, now).AddMonths(-MonthsWithoutGridDate);
        return new DateOnly(date.Year, date.Month, 1);
    }

    /// <summary>The month whose day report a plant needs next, or null when its history is complete.</summary>
    public static DateOnly? NextMonth(Plant plant, DateTimeOffset now)
    {
        var target = (plant.HistoryLoadedFrom ?? ThisMonth(plant, now)).AddMonths(-1);
        return target >= Floor(plant, now) ? target : null;
    }

    private async Task DaysAsync(List<Plant> plants, Headroom headroom, Func<Task> save, DateTimeOffset now, CancellationToken ct)
    {
        for (var calls = 0; calls < CallsPerRound;)
        {
            var due = plants.Select(p => (Plant: p, Month: NextMonth(p, now))).Where(d => d.Month is not null).ToList();
            if (due.Count == 0) return;
            var month = due.Max(d => d.Month!.Value);
            var members = due.Where(d => d.Month == month).Select(d => (d.Plant, FinishedPeriod.Containing(ReportPeriod.Day, d.Plant.TimeZoneId, month)));
            foreach (var (collectTime, group) in FinishedPeriod.CallGroups(members))
                foreach (var batch in group.Chunk(FusionSolarClient.MaxPlantsPerCall))
                {
                    if (calls >= CallsPerRound || !await headroom(DataClass.PlantDayReport)) return;
                    await FetchPlantsAsync(NbiReportPeriod.Day, ReportPeriod.Day, batch, collectTime, now, ct);
                    calls++;
                    foreach (var plant in batch) plant.HistoryLoadedFrom = month;
                    await save();
                }
        }
    }

    /// <summary>
    /// One report class walked back period by period from a connection-wide cursor (the newest period every plant has):
    /// the plants whose history reaches the period share its calls; the cursor moves once they all have it.
    /// </summary>
    private async Task ByCursorAsync(SolarDbContext db, List<Plant> plants, (SyncState State, DataClass Class) cursor, ReportPeriod rows,
        Headroom headroom, Func<Task> save, DateTimeOffset now, CancellationToken ct)
    {
        var (state, dataClass) = cursor;
        for (var calls = 0; calls < CallsPerRound;)
        {
            var target = Previous(rows, DateOnly.ParseExact(state.Cursor!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            // None reaching this far back: complete, or (hours) waiting for the day reports to get there first.
            var reaching = plants.Where(p => Reaches(p, dataClass, target, now)).ToList();
            if (reaching.Count == 0) return;
            var members = reaching.Select(p => (Plant: p, Period: FinishedPeriod.Containing(rows, p.TimeZoneId, target)))
                .Where(m => !_done.Contains((dataClass, m.Period.Key, m.Plant.Id)));
            foreach (var (collectTime, group) in FinishedPeriod.CallGroups(members))
                foreach (var batch in group.Chunk(FusionSolarClient.MaxPlantsPerCall))
                {
                    if (calls >= CallsPerRound) return;
                    var spent = dataClass == DataClass.DeviceDayReport ? await FetchDevicesAsync(db, batch, collectTime, headroom, now, ct)
                        : !await headroom(dataClass) ? -1
                        : await FetchPlantsAsync(rows == ReportPeriod.Hour ? NbiReportPeriod.Hour : NbiReportPeriod.Month, rows, batch, collectTime, now, ct);
                    if (spent < 0) return;
                    calls += Math.Max(1, spent);
                    foreach (var plant in batch) _done.Add((dataClass, FinishedPeriod.Containing(rows, plant.TimeZoneId, target).Key, plant.Id));
                    await save();
                }
            state.Cursor = target.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _done.RemoveWhere(d => d.Item1 == dataClass);
            await save();
        }
    }

    /// <summary>Whether a plant's history reaches back to the period starting <paramref name="target"/>.</summary>
    private static bool Reaches(Plant plant, DataClass dataClass, DateOnly target, DateTimeOffset now) => dataClass switch
    {
        DataClass.PlantHourReport => target >= (plant.HistoryLoadedFrom ?? ThisMonth(plant, now)) && target >= Today(plant, now).AddDays(-HourDays)
            && (plant.GridConnectedAt is not { } c || target >= PlantTime.LocalDate(plant.TimeZoneId, c)),
        DataClass.PlantMonthReport => target.Year >= Floor(plant, now).Year,
        _ => target >= Floor(plant, now),
    };

    private static DateOnly Previous(ReportPeriod rows, DateOnly from) => rows switch
    {
        ReportPeriod.Hour => from.AddDays(-1),
        ReportPeriod.Day => from.AddMonths(-1),
        _ => from.AddYears(-1),
    };

    /// <summary>The class's cursor: the start of the newest period every plant has ("yyyy-MM-dd"), first the current one.</summary>
    private (SyncState, DataClass) Cursor(SolarDbContext db, Dictionary<string, SyncState> states, DataClass dataClass, DateTimeOffset now)
    {
        var key = dataClass + ".Backfill";
        if (!states.TryGetValue(key, out var state))
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            // Hours: yesterday is closed by the period closing, so the walk starts the day before it.
            var start = dataClass switch
            {
                DataClass.PlantHourReport => today.AddDays(-1),
                DataClass.PlantMonthReport => new DateOnly(today.Year, 1, 1),
                _ => new DateOnly(today.Year, today.Month, 1),
            };
            state = new SyncState { ConnectionId = connectionId, DataClass = key, NextDueAt = now, Cursor = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            db.SyncStates.Add(state);
            states[key] = state;
        }
        return (state, dataClass);
    }

    /// <summary>Asks for one batch of plants' reports of the period holding <paramref name="collectTime"/>; 1 call.</summary>
    private async Task<int> FetchPlantsAsync(NbiReportPeriod api, ReportPeriod rows, IReadOnlyList<Plant> batch, DateTimeOffset collectTime, DateTimeOffset now, CancellationToken ct)
    {
        var byCode = batch.ToDictionary(p => p.VendorKey, p => p.Id);
        var answer = await client.GetPlantReportAsync(api, batch.Select(p => p.VendorKey).ToList(), collectTime, ct);
        foreach (var group in answer.Where(r => r.StationCode is not null && r.CollectTime is not null).GroupBy(r => r.StationCode!))
            if (byCode.TryGetValue(group.Key, out var plantId))
                await writer.WriteReportsAsync(plantId, null, group.Select(r => new ReportRow(rows, r.CollectTime!.Value, r.Values)).ToList(), now, ct);
        return 1;
    }

    /// <summary>The device day reports of a batch of plants' inverters (and other report types); the calls made, or -1 when the budget stopped it first.</summary>
    private async Task<int> FetchDevicesAsync(SolarDbContext db, IReadOnlyList<Plant> batch, DateTimeOffset collectTime, Headroom headroom, DateTimeOffset now, CancellationToken ct)
    {
        var ids = batch.Select(p => p.Id).ToList();
        var devices = await db.Devices.Where(d => ids.Contains(d.PlantId)).OrderBy(d => d.Id).ToListAsync(ct);
        var byVendor = devices.ToDictionary(DevIdOf);
        var calls = 0;
        foreach (var type in devices.Where(d => FusionSolarPlanner.ReportTypes.Contains(TypeOf(d))).GroupBy(TypeOf))
            foreach (var chunk in type.Chunk(FusionSolarClient.MaxDevicesPerCall))
            {
                if (!await headroom(DataClass.DeviceDayReport)) return -1;
                var answer = await client.GetDeviceReportAsync(NbiReportPeriod.Day, type.Key, chunk.Select(DevIdOf).ToList(), collectTime, ct);
                calls++;
                foreach (var group in answer.Where(r => r.DeviceId is not null && r.CollectTime is not null).GroupBy(r => r.DeviceId!.Value))
                    if (byVendor.TryGetValue(group.Key, out var device))
                        await writer.WriteReportsAsync(null, device.Id, group.Select(r => new ReportRow(ReportPeriod.Day, r.CollectTime!.Value, r.Values)).ToList(), now, ct);
            }
        return calls;
    }

    private static DateOnly Today(Plant plant, DateTimeOffset now) => PlantTime.LocalDate(plant.TimeZoneId, now);

    private static DateOnly ThisMonth(Plant plant, DateTimeOffset now)
    {
        var today = Today(plant, now);
        return new DateOnly(today.Year, today.Month, 1);
    }
}
