using SolarDashboard.Core.Users;

namespace SolarDashboard.Components.Users;

/// <summary>An admin's unsaved changes to one user: roles (unless the identity provider owns them) and the plants granted.</summary>
public sealed class UserEdit(UserView user)
{
    public static IReadOnlyList<AppRoles> AssignableRoles { get; } = [AppRoles.Owner, AppRoles.Operator, AppRoles.Admin];

    public UserView User { get; } = user;

    public AppRoles Roles { get; private set; } = user.Roles;

    public IReadOnlyCollection<int> Plants { get; set; } = user.PlantIds;

    public bool Has(AppRoles role) => Roles.HasFlag(role);

    public void Set(AppRoles role, bool on) => Roles = on ? Roles | role : Roles & ~role;
}
