using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Connections;

/// <summary>What a page shows of a connection: never its secret.</summary>
public sealed record ConnectionSummary(int Id, string Name, Vendor Vendor, AuthMode AuthMode, string BaseUrl, ConnectionState State,
    string? LastError, DateTimeOffset? LastSuccessAt, bool IsDemo);

/// <summary>Reads and records vendor connections for pages and background work.</summary>
public sealed class ConnectionService(IDbContextFactory<SolarDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Connections.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        return rows.Select(c => new ConnectionSummary(c.Id, c.Name, c.Vendor, c.AuthMode, c.BaseUrl, c.State, c.LastError, c.LastSuccessAt, c.IsDemo)).ToList();
    }
}
