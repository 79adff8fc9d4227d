using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SolarDashboard.Core;

namespace SolarDashboard.Hosting;

/// <summary>The first address Kestrel listens on (http preferred), with wildcard hosts read as localhost.</summary>
public sealed class ServerAppAddress(IServer server) : IAppAddress
{
    private Uri? _current;

    public Uri? Current => _current ??= Read();

    private Uri? Read()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .FirstOrDefault();
        if (address is null) return null;
        return new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost")) { Path = "/" }.Uri;
    }
}
