using System.Security.Claims;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>The dashboard's own principal in the sign-in cookie: local user id, name, sign-in session and roles.</summary>
public static class AppPrincipal
{
    public const string AuthenticationType = "SolarDashboard";

    public static ClaimsPrincipal Create(AppUser user, string sessionId)
    {
        var identity = new ClaimsIdentity(AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(UserClaims.UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.DisplayName));
        identity.AddClaim(new Claim(UserClaims.Session, sessionId));
        foreach (var role in RoleNames(user.Roles)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(identity);
    }

    public static IEnumerable<string> RoleNames(AppRoles roles) =>
        Enum.GetValues<AppRoles>().Where(r => r != AppRoles.None && roles.HasFlag(r)).Select(r => r.ToString());
}
