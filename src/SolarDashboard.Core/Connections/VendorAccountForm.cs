namespace SolarDashboard.Core.Connections;

/// <summary>
/// What an admin types to add a vendor account that signs in with an id and a secret (an ATESS account id and API key):
/// a name for it, the vendor's address (empty: the vendor's documented one), the id and the secret.
/// </summary>
public sealed class VendorAccountForm
{
    public string Name { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string Secret { get; set; } = "";
}
