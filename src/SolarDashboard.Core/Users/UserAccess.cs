using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Users;

/// <summary>Who is asking and what they may see and do, read fresh from the database (not from the cookie).</summary>
public sealed record UserAccess(int UserId, string DisplayName, AppRoles Roles, PlantScope Plants)
{
    public static UserAccess Nobody { get; } = new(0, "", AppRoles.None, PlantScope.None);

    public bool IsSignedIn => UserId != 0;
    public bool IsAdmin => Roles.HasFlag(AppRoles.Admin);
    public bool IsOwner => Roles.HasFlag(AppRoles.Owner);

    /// <summary>Operators and admins may submit control tasks…</summary>
    public bool MaySubmitControl => (Roles & (AppRoles.Operator | AppRoles.Admin)) != 0;

    /// <summary>…and only on plants they can see.</summary>
    public bool CanControl(int plantId) => MaySubmitControl && Plants.Allows(plantId);

    /// <summary>Owners connect their own FusionSolar account; admins may act on any connection.</summary>
    public bool CanConnectOwnAccount => IsOwner || IsAdmin;

    public bool CanManage(int? connectionOwnerUserId) => IsAdmin || (IsOwner && connectionOwnerUserId == UserId);
}

/// <summary>Raised by the service layer when a user asks for something their roles do not allow.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

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
