using SolarDashboard.Sandbox.Redex;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Admin;

/// <summary>
/// Read-back of the REDEX sandbox for tests and demos (not part of REDEX's API): accounts, registered inverters, what
/// was stored per inverter and day with every version, the submissions and their states, each account's traffic
/// against the limit, and the REDEX quirks.
/// </summary>
public static class RedexAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts", (RedexDirectory directory) => Results.Json(directory.Accounts.Select(a => new
        {
            a.Name, a.ClientId, inverters = directory.Inverters.Count(i => i.ClientId == a.ClientId),
        })));
        admin.MapGet("/inverters", (RedexDirectory directory) => Results.Json(directory.Inverters));
        admin.MapGet("/inverters/{remoteInvId}/days", (RedexDirectory directory, RedexLedger ledger, SimulationClock clock, string remoteInvId, DateOnly? from, DateOnly? to) =>
        {
            if (directory.Inverter(remoteInvId) is null) return Results.NotFound();
            var now = clock.UtcNow;
            return Results.Json(ledger.Days(remoteInvId, from, to).Select(d => new
            {
                date = d.Date,
                current = d.Versions.LastOrDefault(v => !v.Submission.WillFail) is { } c ? Version(c, now) : null,
                versions = d.Versions.Select(v => Version(v, now)),
            }));
        });
        admin.MapGet("/submissions", (RedexLedger ledger, SimulationClock clock, string? remoteInvId) =>
        {
            var now = clock.UtcNow;
            return Results.Json(ledger.Submissions(remoteInvId).Select(s => new
            {
                s.ProcessId, s.ClientId, s.RemoteInvId, s.Path, s.AccumulatedField, s.ReceivedAt, s.CompletesAt,
                status = s.StatusAt(now).ToString(),
                reason = s.StatusAt(now) == RedexProcessStatus.Failed ? s.FailureReason : null,
                records = s.Values.Count,
                firstDate = s.Values.Min(v => v.Date),
                lastDate = s.Values.Max(v => v.Date),
            }));
        });
        admin.MapGet("/traffic/{clientId}", (RedexRateLimiter limiter, string clientId) => Results.Json(limiter.Snapshot(clientId)));
        admin.MapGet("/quirks", (RedexQuirks quirks) => Results.Json(quirks.Current));
        admin.MapPut("/quirks", (RedexQuirks quirks, RedexQuirkOptions body) =>
        {
            quirks.Current = body;
            return Results.Json(quirks.Current);
        });
    }

    private static object Version(RedexStoredVersion v, DateTimeOffset now) => new
    {
        version = v.Version,
        processId = v.Submission.ProcessId,
        status = v.Submission.StatusAt(now).ToString(),
        receivedAt = v.Submission.ReceivedAt,
        periodProductionInKWh = v.Value.PeriodText,
        accumulatedInKWh = v.Value.AccumulatedText,
    };
}
