using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Users;

/// <summary>The users table: records sign-ins, and lets an admin set roles and plant grants.</summary>
public sealed class UserDirectory(IDbContextFactory<SolarDbContext> dbFactory, TimeProvider time, ILogger<UserDirectory> logger)
{
    /// <summary>Creates or updates the user (keyed by issuer and subject) and returns it with its roles in effect.</summary>
    public async Task<AppUser> RecordSignInAsync(SignInIdentity who, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Issuer == who.Issuer && u.Subject == who.Subject, ct);
        if (user is null)
        {
            user = new AppUser { Issuer = who.Issuer, Subject = who.Subject, DisplayName = who.DisplayName, CreatedAt = now };
            db.Users.Add(user);
            if (who.IsBootstrapAdmin) logger.LogInformation("Bootstrap admin {User} signed in for the first time and becomes Admin", who.DisplayName);
        }
        user.DisplayName = who.DisplayName;
        user.UserName = who.UserName;
        user.Email = who.Email;
        user.LastSignInAt = now;
        if (who.ProviderRoles is not null)
        {
            user.Roles = ParseRoles(who.ProviderRoles);
            user.RolesFromProvider = true;
        }
        else
        {
            user.RolesFromProvider = false;
        }
        if (who.IsBootstrapAdmin) user.Roles |= AppRoles.Admin;
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Role names from a provider claim, case-insensitive; unknown names are ignored.</summary>
    public static AppRoles ParseRoles(IEnumerable<string> names) => names.Aggregate(AppRoles.None, (roles, name) =>
        Enum.TryParse<AppRoles>(name.Trim(), ignoreCase: true, out var r) && r != AppRoles.None && Enum.IsDefined(r) ? roles | r : roles);

    public async Task<AppUser?> FindAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(UserAccess actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var grants = (await db.PlantGrants.AsNoTracking().ToListAsync(ct)).ToLookup(g => g.UserId, g => g.PlantId);
        return users.Select(u => new UserView(u.Id, u.DisplayName, u.UserName, u.Email, u.Roles, u.RolesFromProvider, u.LastSignInAt, grants[u.Id].Order().ToList())).ToList();
    }

    public async Task SetRolesAsync(UserAccess actor, int userId, AppRoles roles, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new AccessDeniedException("No such user.");
        if (user.RolesFromProvider) throw new AccessDeniedException("This user's roles come from the identity provider; change them there.");
        if (userId == actor.UserId && !roles.HasFlag(AppRoles.Admin))
            throw new AccessDeniedException("You cannot take the Admin role from yourself; ask another admin.");
        user.Roles = roles;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {Actor} set the roles of user {User} to {Roles}", actor.UserId, userId, roles);
    }

    /// <summary>Replaces the plants granted to a user (assigned to an operator, shared with an owner).</summary>
    public async Task SetPlantsAsync(UserAccess actor, int userId, IReadOnlyCollection<int> plantIds, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        // Grants can change between the read and the write (the demo seeder assigns a plant, or a second admin saves):
        // the write then breaks the key, and the whole replacement is tried again on what is there now.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReplaceGrantsAsync(userId, plantIds, ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                logger.LogInformation("The plants of user {User} changed while they were saved; saving again", userId);
            }
        }
        logger.LogInformation("User {Actor} granted user {User} plant(s) {Plants}", actor.UserId, userId, string.Join(", ", plantIds.Order()));
    }

    private async Task ReplaceGrantsAsync(int userId, IReadOnlyCollection<int> plantIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw new AccessDeniedException("No such user.");
        var known = await db.Plants.Where(p => plantIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var current = await db.PlantGrants.Where(g => g.UserId == userId).ToListAsync(ct);
        db.PlantGrants.RemoveRange(current.Where(g => !known.Contains(g.PlantId)));
        var now = time.GetUtcNow();
        foreach (var id in known.Except(current.Select(g => g.PlantId)))
            db.PlantGrants.Add(new PlantGrant { UserId = userId, PlantId = id, GrantedAt = now });
        await db.SaveChangesAsync(ct);
    }

    private static void RequireAdmin(UserAccess actor)
    {
        if (!actor.IsAdmin) throw new AccessDeniedException("Only an admin may manage users.");
    }
}
