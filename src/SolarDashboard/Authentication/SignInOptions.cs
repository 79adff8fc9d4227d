namespace SolarDashboard.Authentication;

/// <summary>
/// The OpenID Connect provider users sign in with (section <c>Authentication:Oidc</c>). Works with any standard provider
/// (Keycloak, Entra ID, Auth0: see README); demo mode uses the sandbox's at <c>/sandbox/idp</c>.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>Issuer URL; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>. A path (demo) means this app's own address.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>Space-separated; "openid" is always added.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The id_token claim carrying roles (Admin, Operator, Owner). Dotted paths reach nested claims (Keycloak: realm_access.roles). Empty: admins assign roles in the app.</summary>
    public string RoleClaim { get; set; } = "";

    /// <summary>Becomes Admin on first sign-in: matched against the subject, the preferred_username or the email.</summary>
    public string BootstrapAdmin { get; set; } = "";

    /// <summary>Refuse discovery over plain http (turn off only for a provider on this machine).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string CallbackPath { get; set; } = "/signin-oidc";
}
