namespace SolarDashboard.Sandbox;

public sealed class OAuthClientOptions
{
    public string ClientId { get; set; } = "123456789";
    public string ClientSecret { get; set; } = "demo-client-secret";

    /// <summary>Registered RedirectUrls. Compared exactly, as the vendor does.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Also accept any redirect_uri on a loopback host (demo and tests, where the app's port is chosen at start).</summary>
    public bool AllowLoopbackRedirectUris { get; set; } = true;

    /// <summary>
    /// Where the OAuth service keeps owners' consents (granted scopes) and the tokens it issued, beside the identity
    /// provider's key, so a restart does not make every owner consent again. Relative paths are under the content root.
    /// </summary>
    public string StateFile { get; set; } = Path.Combine("data", "sandbox-oauth-state.json");
}
