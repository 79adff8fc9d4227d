using Microsoft.AspNetCore.Authorization;
using SolarDashboard.Core.Redex;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Hosting;

/// <summary>The CSV of exactly what was sent to REDEX (every version, the texts as sent), for operators and admins.</summary>
public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapSolarDashboardRegistry(this IEndpointRouteBuilder app)
    {
        app.MapGet("/registry/sent.csv", async (HttpContext http, AccessService access, RedexLedger ledger, CancellationToken ct) =>
        {
            var user = await access.ForPrincipalAsync(http.User, ct);
            var visible = (await ledger.InvertersAsync(ct)).Where(i => user.Plants.Allows(i.PlantId)).Select(i => i.RemoteInvId).ToHashSet(StringComparer.Ordinal);
            var rows = (await ledger.SentRowsAsync(ct)).Where(r => visible.Contains((string)r[0]!));
            return CsvDownload.File("redex-sent.csv", RedexLedger.SentHeader, rows);
        }).RequireAuthorization(new AuthorizeAttribute { Roles = "Operator,Admin" });
        return app;
    }
}
