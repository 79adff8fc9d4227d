namespace SolarDashboard.Sandbox.Identity;

/// <summary>Sandbox knobs for the identity provider (under /sandbox/admin): change a demo user's roles, revoke their refresh tokens.</summary>
public static class IdpAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPut("/idp/users/{user}/roles", (IdpState state, string user, string[] roles) =>
            state.SetRoles(user, roles) ? Results.Json(new { user, roles }) : Results.NotFound());
        admin.MapPost("/idp/users/{user}/revoke", (IdpState state, string user) => Results.Json(new { revoked = state.Revoke(user) }));
    }
}
