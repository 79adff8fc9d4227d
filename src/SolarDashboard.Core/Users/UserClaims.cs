namespace SolarDashboard.Core.Users;

/// <summary>Claim types the dashboard puts in its own sign-in cookie.</summary>
public static class UserClaims
{
    /// <summary>The local user id (Users.Id).</summary>
    public const string UserId = "sd:uid";

    /// <summary>A random id per sign-in: FusionSolar consent states are bound to it.</summary>
    public const string Session = "sd:sid";
}
