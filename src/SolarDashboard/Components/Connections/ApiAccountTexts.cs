using SolarDashboard.Core.Connections;

namespace SolarDashboard.Components.Connections;

/// <summary>
/// The words of the account form per vendor: what the vendor calls the id and the secret, and where an admin finds them.
/// The form itself is the same for every <see cref="IVendorAccounts"/>.
/// </summary>
public sealed record ApiAccountTexts(
    string Title, string Intro, string IdLabel, string SecretLabel, string Busy, string AddButton, string AddTestId, string SandboxPath, string UrlPlaceholder)
{
    public static ApiAccountTexts For(Vendor vendor) => vendor switch
    {
        Vendor.Atess => new(
            "Add an ATESS account",
            "The account id and API key of your ATESS cloud account (ATESS OpenAPI). The dashboard makes one test call (the plant list) " +
            "before saving. The API key is stored encrypted.",
            "Account id", "API key", "Checking the key at ATESS…", "Add ATESS account", "add-atess-account",
            Sandbox.SandboxServiceCollectionExtensions.AtessPrefix + "/", "https://www.enerclo-atesspower.com/api/v1/"),
        _ => new(
            "Add an installer API account",
            "The northbound API account your company administrator created in FusionSolar (System › Company Management › Northbound Management). " +
            "The dashboard signs in once to check it before saving. The password is stored encrypted.",
            "User name", "Password (systemCode)", "Signing in at FusionSolar…", "Add installer API account", "add-api-account",
            Sandbox.SandboxServiceCollectionExtensions.FusionSolarPrefix + "/", "https://…fusionsolar.huawei.com/"),
    };
}
