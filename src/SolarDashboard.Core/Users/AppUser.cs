namespace SolarDashboard.Core.Users;

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
