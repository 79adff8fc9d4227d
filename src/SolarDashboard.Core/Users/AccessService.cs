using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Users;

/// <summary>Works out a user's access: roles from the Users table, plants from their connections and grants.</summary>
public sealed class AccessService(IDbContextFactory<SolarDbContext> dbFactory)
{
    public async Task<UserAccess> ForPrincipalAsync(ClaimsPrincipal? principal, CancellationToken ct = default) =>
        principal?.Identity?.IsAuthenticated == true && int.TryParse(principal.FindFirst(UserClaims.UserId)?.Value, out var id)
            ? await ForUserAsync(id, ct)
            : UserAccess.Nobody;

    public async Task<UserAccess> ForUserAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return UserAccess.Nobody;
        if (user.Roles.HasFlag(AppRoles.Admin)) return new(user.Id, user.DisplayName, user.Roles, PlantScope.All);

        var granted = await db.PlantGrants.AsNoTracking().Where(g => g.UserId == userId).Select(g => g.PlantId).ToListAsync(ct);
        var owned = user.Roles.HasFlag(AppRoles.Owner)
            ? await (from p in db.Plants.AsNoTracking() join c in db.Connections.AsNoTracking() on p.ConnectionId equals c.Id
                     where c.OwnerUserId == userId select p.Id).ToListAsync(ct)
            : [];
        // Grants count for operators (assigned plants) and owners (shared plants); a user with no role sees nothing.
        var visible = user.Roles == AppRoles.None ? [] : owned.Concat(granted);
        return new(user.Id, user.DisplayName, user.Roles, PlantScope.Of(visible));
    }
}
