using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Admin;

/// <summary>
/// Knobs for tests and demos, not part of any vendor's API: read and move the simulation clock, switch quirks, make a
/// plant's tasks hang, revoke an owner's consent, and list the fleet.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/clock", (SimulationClock clock) => Results.Json(new { utcNow = clock.UtcNow, scale = clock.Scale }));
        admin.MapPost("/clock/advance", (SimulationClock clock, int minutes) =>
        {
            if (minutes is < 1 or > 60 * 24 * 31) return Results.BadRequest(new { error = "minutes must be between 1 and 44640" });
            clock.Advance(TimeSpan.FromMinutes(minutes));
            return Results.Json(new { utcNow = clock.UtcNow });
        });
        admin.MapGet("/quirks", (Quirks quirks) => Results.Json(quirks.Current));
        admin.MapPut("/quirks", (Quirks quirks, QuirkOptions body) =>
        {
            quirks.Current = body;
            return Results.Json(quirks.Current);
        });
        admin.MapPost("/plants/{plantCode}/hang-tasks", (SandboxWorld world, string plantCode, bool hang) =>
        {
            if (!world.Fleet.PlantsByCode.ContainsKey(plantCode)) return Results.NotFound();
            world.Tasks.SetHanging(plantCode, hang);
            return Results.NoContent();
        });
        admin.MapPost("/oauth/revoke/{owner}", (OAuthServer oauth, string owner) => Results.Json(new { revoked = oauth.Revoke(owner) }));
        admin.MapGet("/oauth/tokens/{owner}", (OAuthServer oauth, string owner) => Results.Json(oauth.TokensOf(owner)));
        Identity.IdpAdminEndpoints.Map(admin);
        admin.MapGet("/flow/{caller}", (FlowControl flow, string caller) => Results.Json(flow.Snapshot(caller)));
        admin.MapGet("/fleet", (SandboxWorld world) => Results.Json(new JsonObject
        {
            ["installer"] = new JsonObject { ["userName"] = world.Fleet.Installer.UserName, ["plants"] = new JsonArray([.. world.Fleet.Installer.PlantCodes.Select(c => (JsonNode)c)]) },
            ["owners"] = new JsonArray([.. world.Fleet.Owners.Select(o => (JsonNode)new JsonObject
            {
                ["userName"] = o.UserName,
                ["plants"] = new JsonArray([.. o.PlantCodes.Select(c => (JsonNode)c)]),
            })]),
            ["plants"] = new JsonArray([.. world.Fleet.Plants.Select(p => (JsonNode)new JsonObject
            {
                ["code"] = p.Code, ["name"] = p.Name, ["zone"] = p.Zone.Id, ["kind"] = p.Kind.ToString(),
                ["controller"] = p.Controller.ToString(), ["controllerOnline"] = p.ControllerOnline, ["lgBattery"] = p.Battery!.IsLg,
            })]),
        }));
    }
}
