using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Vendors.Atess.Sync;

/// <summary>
/// An ATESS connection's use of "once every 5 minutes" per endpoint and target, from its call log: per endpoint, how
/// many targets it read in the last 24 hours (each may be read once per window), and the calls of the current window.
/// </summary>
public sealed class AtessQuotaReader(IDbContextFactory<SolarDbContext> dbFactory, TimeProvider time) : IQuotaReader
{
    public async Task<QuotaView?> GetAsync(int connectionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null || connection.Vendor != Vendor.Atess) return null;
        var now = time.GetUtcNow();
        var since = now - TimeSpan.FromDays(1);
        var windowStart = now - AtessClient.AcquisitionPeriod;
        var calls = await db.Calls.AsNoTracking().Where(c => c.ConnectionId == connectionId && c.At >= since).ToListAsync(ct);
        var apis = calls.Select(c => (Call: c, Parts: c.Api.Split(' ')))
            .GroupBy(c => string.Join(' ', c.Parts.Take(2)), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ApiQuota(g.Key, AtessClient.AcquisitionPeriod, Math.Max(1, g.Select(c => c.Parts.ElementAtOrDefault(2)).Distinct().Count()),
                g.Count(c => c.Call.At >= windowStart), g.Count(), g.Count(c => !c.Call.Succeeded)))
            .ToList();
        var failures = await db.SyncStates.AsNoTracking().Where(s => s.ConnectionId == connectionId && s.LastError != null && s.LastFailureAt != null).ToListAsync(ct);
        return new QuotaView(connection.Id, connection.Name, connection.State, connection.LastError, connection.LastSuccessAt, apis,
            failures.OrderByDescending(f => f.LastFailureAt).Select(f => new RecentFailure(f.DataClass, f.LastFailureAt!.Value, f.LastError!)).ToList());
    }
}
