using System.Globalization;
using System.Text;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Hosting;

/// <summary>Downloads: the samples of a device KPI over a chart range, as CSV (plant-local and UTC time).</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapSolarDashboardExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/devices/{id:int}/series.csv", async (int id, string kpi, string? range, HttpContext http, AccessService access, PlantQueries queries, TimeProvider time, CancellationToken ct) =>
        {
            // Another user's device is "not found", exactly like a device that does not exist.
            var scope = (await access.ForPrincipalAsync(http.User, ct)).Plants;
            var device = await queries.GetDeviceAsync(scope, id, ct);
            if (device is null || string.IsNullOrWhiteSpace(kpi) || kpi.Length > 64) return Results.NotFound();
            var plant = (await queries.ListPlantsAsync(scope, [device.Device.PlantId], ct)).Single();
            var now = time.GetUtcNow();
            var points = await queries.GetSeriesAsync(scope, id, kpi, now - SeriesRange.Length(range ?? "day"), now, int.MaxValue, ct);
            var csv = new StringBuilder();
            csv.Append("time_plant_local,time_utc,").Append(kpi).Append('\n');
            foreach (var p in points)
            {
                csv.Append(PlantTime.ToLocal(plant.TimeZoneId, p.Time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Append(',')
                   .Append(p.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                   .Append(p.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
            var name = $"{device.Device.Name}-{kpi}-{range ?? "day"}.csv".Replace(' ', '_');
            return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
        });
        return app;
    }
}
