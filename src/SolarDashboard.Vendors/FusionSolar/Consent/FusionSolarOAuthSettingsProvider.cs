using Microsoft.Extensions.Options;
using SolarDashboard.Core;
using SolarDashboard.Vendors.FusionSolar.Auth;

namespace SolarDashboard.Vendors.FusionSolar.Consent;

/// <summary>The OAuth client settings in effect, with relative URLs resolved against this app's address.</summary>
public sealed class FusionSolarOAuthSettingsProvider(IOptionsMonitor<FusionSolarOAuthOptions> options, IAppAddress appAddress)
{
    public FusionSolarOAuthOptions Options => options.CurrentValue;

    public OAuthClientSettings Get()
    {
        var o = options.CurrentValue;
        return new OAuthClientSettings(appAddress.Resolve(o.TokenUrl), o.ClientId, o.ClientSecret);
    }
}
