namespace SolarDashboard.Core.Users;

/// <summary>What a person may do. A user can hold several (an owner who also operates).</summary>
[Flags]
public enum AppRoles
{
    None = 0,

    /// <summary>Sees the plants of the connections they created and plants shared with them; connects their own FusionSolar account.</summary>
    Owner = 1,

    /// <summary>Sees the plants assigned to them and may submit control tasks on them.</summary>
    Operator = 2,

    /// <summary>Manages connections, users, roles and plant assignments; sees everything.</summary>
    Admin = 4,
}

/// <summary>A person who signed in through the OpenID Connect provider, known by (issuer, subject).</summary>
public sealed class AppUser
{
    public int Id { get; set; }
    public required string Issuer { get; set; }
    public required string Subject { get; set; }
    public required string DisplayName { get; set; }
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public AppRoles Roles { get; set; }

    /// <summary>True when the roles come from the provider's claim (then the app does not edit them).</summary>
    public bool RolesFromProvider { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSignInAt { get; set; }
}

/// <summary>A plant made visible to a user: assigned to an operator, or shared with an owner, by an admin.</summary>
public sealed class PlantGrant
{
    public int UserId { get; set; }
    public int PlantId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}

/// <summary>Claim types the dashboard puts in its own sign-in cookie.</summary>
public static class UserClaims
{
    /// <summary>The local user id (Users.Id).</summary>
    public const string UserId = "sd:uid";

    /// <summary>A random id per sign-in: FusionSolar consent states are bound to it.</summary>
    public const string Session = "sd:sid";
}
