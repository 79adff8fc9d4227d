using Microsoft.Extensions.Options;
using SolarDashboard.Core;
using SolarDashboard.Vendors.FusionSolar.Auth;

namespace SolarDashboard.Vendors.FusionSolar.Consent;

/// <summary>
/// This installation's FusionSolar OAuth 2.0 client (reference 3.1.1), section <c>FusionSolar:OAuth</c>. URLs may be
/// paths on this app's own address (demo mode: the in-process sandbox).
/// </summary>
public sealed class FusionSolarOAuthOptions
{
    public const string Section = "FusionSolar:OAuth";

    public string AuthorizeUrl { get; set; } = "https://oauth2.fusionsolar.huawei.com/rest/dp/uidm/oauth2/v1/authorize";
    public string TokenUrl { get; set; } = "https://oauth2.fusionsolar.huawei.com/rest/dp/uidm/oauth2/v1/token";

    /// <summary>The northbound API of owner connections ("Domain name of the management system", reference 3.1.3).</summary>
    public string ApiBaseUrl { get; set; } = "https://eu5.fusionsolar.huawei.com/";

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>The RedirectUrl registered with FusionSolar. Empty: this app's address + /connections/fusionsolar/callback.</summary>
    public string RedirectUri { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
