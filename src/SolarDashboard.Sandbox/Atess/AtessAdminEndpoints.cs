using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// Test and demo knobs for the ATESS cloud (not part of its API), under <c>/sandbox/admin/atess</c>: the fleet with
/// its serial numbers, a datalog's contact, and the quirks.
/// </summary>
public static class AtessAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/fleet", (AtessFleet fleet) => Results.Json(Fleet(fleet)));
        admin.MapPost("/datalogs/{sn}/lost", (AtessFleet fleet, string sn, bool lost) =>
        {
            if (fleet.DataLog(sn) is not { } log) return Results.NotFound();
            fleet.SetLost(log, lost);
            return Results.Json(new { dataLogSn = sn, lost = fleet.Read(() => log.Lost) });
        });
        admin.MapGet("/quirks", (AtessQuirks quirks) => Results.Json(quirks.Current));
        admin.MapPut("/quirks", (AtessQuirks quirks, AtessQuirkOptions body) =>
        {
            quirks.Current = body;
            return Results.Json(quirks.Current);
        });
    }

    private static JsonObject Fleet(AtessFleet fleet) => fleet.Read(() =>
    {
        JsonNode Log(AtessDataLog l) => new JsonObject
        {
            ["dataLogSn"] = l.Sn,
            ["plantId"] = l.PlantId,
            ["lost"] = l.Lost,
            ["kit"] = l.Kit.Name,
            ["devices"] = new JsonArray([.. l.Devices.Select(d => (JsonNode)new JsonObject
            {
                ["deviceSn"] = d.Sn, ["family"] = d.Family.ToString(), ["model"] = d.Spec.Model, ["systemNo"] = d.Spec.SystemNo,
                ["rack"] = d.Spec.Rack,
            })]),
        };
        return new JsonObject
        {
            ["accounts"] = new JsonArray([.. fleet.Accounts().Select(a => (JsonNode)a)]),
            ["plants"] = new JsonArray([.. fleet.AllPlants().Select(p => (JsonNode)new JsonObject
            {
                ["plantId"] = p.Id, ["plantName"] = p.Name, ["owner"] = p.Owner, ["timeZone"] = p.Zone.Id,
                ["dataLogs"] = new JsonArray([.. p.DataLogs.Select(s => (JsonNode)s)]),
            })]),
            ["dataLogs"] = new JsonArray([.. fleet.AllDataLogs().Where(l => l.PlantId is not null).Select(Log)]),
            ["spareDataLogs"] = new JsonArray([.. fleet.AllDataLogs().Where(l => l.PlantId is null).Select(Log)]),
        };
    });
}
