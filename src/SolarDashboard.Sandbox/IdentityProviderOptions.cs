namespace SolarDashboard.Sandbox;

/// <summary>The sandbox's OpenID Connect provider (for signing in to the dashboard offline).</summary>
public sealed class IdentityProviderOptions
{
    public string ClientId { get; set; } = "solardashboard";
    public string ClientSecret { get; set; } = "demo-oidc-secret";

    /// <summary>Where the RS256 signing key is kept, so tokens stay valid across restarts.</summary>
    public string KeyFile { get; set; } = Path.Combine("data", "sandbox-idp-key.json");

    /// <summary>Users: name, password, display name, roles. The demo users when empty.</summary>
    public List<IdpUser> Users { get; set; } = [];

    internal IReadOnlyList<IdpUser> EffectiveUsers => Users.Count > 0 ? Users :
    [
        new() { UserName = "owner-anna", Name = "Anna Owner", Roles = ["Owner"] },
        new() { UserName = "owner-ben", Name = "Ben Owner", Roles = ["Owner"] },
        new() { UserName = "olga-operator", Name = "Olga Operator", Roles = ["Operator"] },
        new() { UserName = "adam-admin", Name = "Adam Admin", Roles = ["Admin"] },
    ];
}
