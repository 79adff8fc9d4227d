using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SolarDashboard.Core;

namespace SolarDashboard.Authentication;

/// <summary>
/// The provider's discovery document and keys for the OpenIdConnect handler, read by the IdentityModel configuration
/// manager (cached, refreshed, keys re-read after a rollover). In demo mode the authority is a path on this app's own
/// address, known only once Kestrel listens, so the real manager is built on first use.
/// </summary>
internal sealed class ProviderConfiguration(SignInOptions options, IAppAddress appAddress, HttpClient backchannel) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private readonly Lock _lock = new();
    private ConfigurationManager<OpenIdConnectConfiguration>? _manager;

    public Uri MetadataAddress => new(appAddress.Resolve(options.Authority.TrimEnd('/') + "/"), ".well-known/openid-configuration");

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Manager().GetConfigurationAsync(cancel);

    public void RequestRefresh()
    {
        lock (_lock) _manager?.RequestRefresh();
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager()
    {
        lock (_lock)
            return _manager ??= new ConfigurationManager<OpenIdConnectConfiguration>(MetadataAddress.ToString(), new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(backchannel) { RequireHttps = options.RequireHttpsMetadata });
    }
}
