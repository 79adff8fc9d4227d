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

    /// <summary>Where sign-in lands when no page was asked for: an owner with one plant on that plant, everyone else on the overview.</summary>
    public string Landing => Roles == AppRoles.Owner && Plants.PlantIds is { Count: 1 } ids ? $"/plants/{ids.Single()}" : "/";
}
