using System.Globalization;
using SolarDashboard.Components.Monitoring;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Hosting;

/// <summary>
/// Downloads: the samples of a device KPI over a chart range, as CSV (plant-local and UTC time); a plant's energy report
/// for the period its chart shows.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapSolarDashboardExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/devices/{id:int}/series.csv", async (int id, string kpi, string? range, HttpContext http, AccessService access, PlantQueries queries, TimeProvider time, CancellationToken ct) =>
        {
            // Another user's device is "not found", exactly like a device that does not exist.
            var scope = (await access.ForPrincipalAsync(http.User, ct)).Plants;
            var device = await queries.GetDeviceAsync(scope, id, ct);
            // Only a KPI this device has: anything else is "not found", never echoed into the file.
            if (device is null || string.IsNullOrEmpty(kpi) || !device.Values.ContainsKey(kpi)) return Results.NotFound();
            var plant = (await queries.ListPlantsAsync(scope, [device.Device.PlantId], ct)).Single();
            var now = time.GetUtcNow();
            range = SeriesRange.All.Any(o => o.Value == range) ? range! : "day";
            var points = await queries.GetSeriesAsync(scope, id, kpi, now - SeriesRange.Length(range), now, int.MaxValue, ct);
            var rows = points.Select(p => (IReadOnlyList<object?>)[
                PlantTime.ToLocal(plant.TimeZoneId, p.Time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                p.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                p.Value]);
            return CsvDownload.File($"{device.Device.Name}-{kpi}-{range}.csv", ["time_plant_local", "time_utc", kpi], rows);
        });
        app.MapGet("/plants/{id:int}/energy.csv", async (int id, ReportPeriod? period, DateOnly? anchor, HttpContext http, AccessService access, PlantQueries queries,
            TimeProvider time, CancellationToken ct) =>
        {
            var scope = (await access.ForPrincipalAsync(http.User, ct)).Plants;
            if ((await queries.ListPlantsAsync(scope, [id], ct)).SingleOrDefault() is not { } plant) return Results.NotFound();
            var today = PlantTime.LocalDate(plant.TimeZoneId, time.GetUtcNow());
            var shown = new EnergyPeriod(period ?? ReportPeriod.Hour, anchor ?? today, today).WithToday(today); // never a future period
            var (from, to, _) = shown.Keys();
            var (header, rows) = EnergyReportCsv.Build(await queries.GetEnergyAsync(scope, id, shown.Period, from, to, ct));
            return CsvDownload.File($"{plant.Name}-energy-{shown.Label}.csv", header, rows);
        });
        return app;
    }
}
