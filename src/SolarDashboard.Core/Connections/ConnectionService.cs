using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Connections;

/// <summary>Reads vendor connections for the people allowed to see them, and disconnects or deletes them.</summary>
public sealed class ConnectionService(IDbContextFactory<SolarDbContext> dbFactory, ConnectionSessions sessions, ILogger<ConnectionService> logger)
{
    /// <summary>Admins see every connection; owners see the ones they created.</summary>
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(UserAccess user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Connections.AsNoTracking()
            .Where(c => user.IsAdmin || (c.OwnerUserId != null && c.OwnerUserId == user.UserId))
            .OrderBy(c => c.Name).ToListAsync(ct);
        var ids = rows.Select(c => c.Id).ToList();
        var plants = await db.Plants.AsNoTracking().Where(p => ids.Contains(p.ConnectionId)).GroupBy(p => p.ConnectionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Select(c => new ConnectionSummary(c.Id, c.Name, c.Vendor, c.AuthMode, c.BaseUrl, c.State, c.LastError, c.LastSuccessAt, c.IsDemo,
            c.OwnerUserId, c.GrantedScopes, plants.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<ConnectionSummary?> GetAsync(UserAccess user, int connectionId, CancellationToken ct = default) =>
        (await ListAsync(user, ct)).SingleOrDefault(c => c.Id == connectionId);

    /// <summary>Deletes the tokens or password; plants and their history stay (read-only) until the connection is deleted.</summary>
    public async Task DisconnectAsync(UserAccess user, int connectionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await ManageableAsync(db, user, connectionId, ct);
        connection.ProtectedSecret = null;
        connection.State = ConnectionState.Disconnected;
        connection.LastError = null;
        await db.SaveChangesAsync(ct);
        sessions.Forget(connectionId); // the session in memory holds the credentials too
        logger.LogInformation("User {User} disconnected connection {Id}; its secrets are deleted", user.UserId, connectionId);
    }

    /// <summary>Deletes a disconnected connection with its plants and all their cached history.</summary>
    public async Task DeleteAsync(UserAccess user, int connectionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await ManageableAsync(db, user, connectionId, ct);
        if (connection.ProtectedSecret is not null) throw new AccessDeniedException("Disconnect the connection before deleting its history.");
        db.Connections.Remove(connection);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {User} deleted connection {Id} and its history", user.UserId, connectionId);
    }

    private static async Task<VendorConnection> ManageableAsync(SolarDbContext db, UserAccess user, int connectionId, CancellationToken ct)
    {
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        // Someone else's connection reads as missing, like someone else's plant.
        if (connection is null || !user.CanManage(connection.OwnerUserId)) throw new AccessDeniedException("No such connection.");
        return connection;
    }
}
