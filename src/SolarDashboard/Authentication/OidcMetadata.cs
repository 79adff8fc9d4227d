using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SolarDashboard.Core;

namespace SolarDashboard.Authentication;

/// <summary>
/// The provider's discovery document and signing keys, read and refreshed by the IdentityModel configuration manager
/// (cached; keys re-read when a token names an unknown key). A relative authority is resolved against this app's address.
/// </summary>
public sealed class OidcMetadata(IOptions<SignInOptions> options, IHttpClientFactory httpFactory, IAppAddress appAddress)
{
    public const string HttpClientName = "oidc";

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new();

    public Uri Authority => appAddress.Resolve(options.Value.Authority.TrimEnd('/') + "/");

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken ct) => Manager().GetConfigurationAsync(ct);

    /// <summary>After a token failed on an unknown key: the provider may have rotated them.</summary>
    public void Refresh() => Manager().RequestRefresh();

    private ConfigurationManager<OpenIdConnectConfiguration> Manager()
    {
        var address = new Uri(Authority, ".well-known/openid-configuration").ToString();
        return _managers.GetOrAdd(address, a => new ConfigurationManager<OpenIdConnectConfiguration>(a, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpFactory.CreateClient(HttpClientName)) { RequireHttps = options.Value.RequireHttpsMetadata }));
    }
}
