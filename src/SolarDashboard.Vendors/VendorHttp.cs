using System.Text.Json;
using Flurl.Http;
using Flurl.Http.Configuration;
using SolarDashboard.Core.Security;

namespace SolarDashboard.Vendors;

/// <summary>
/// Where every vendor client gets its HTTP client: one named Flurl client per vendor and base URL from the
/// <see cref="IFlurlClientCache"/>, all with the same settings. Vendor clients read error answers themselves, so a
/// non-2xx status is an answer here, not an exception; only "no answer" (refused, timed out) throws.
/// Every connection goes through the <see cref="OutboundAddressPolicy"/>: a typed address cannot reach loopback or
/// private networks unless the configuration allows it. Tests point the cache at the in-memory sandbox with
/// <see cref="IFlurlClientCache.WithDefaults"/>.
/// </summary>
public sealed class VendorHttp(IFlurlClientCache cache, OutboundAddressPolicy? addresses = null)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Pooled connections are renewed now and then so that DNS changes are seen (the clients live for ever).</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    private static readonly DefaultJsonSerializer Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>The client of <paramref name="vendor"/> at <paramref name="baseUrl"/>, made on first use.</summary>
    public IFlurlClient For(string vendor, Uri baseUrl) =>
        cache.GetOrAdd($"{vendor} {baseUrl.AbsoluteUri}", baseUrl.AbsoluteUri, builder => builder
            .UseSocketsHttpHandler(h =>
            {
                h.PooledConnectionLifetime = ConnectionLifetime;
                if (addresses is not null) h.ConnectCallback = addresses.ConnectAsync;
            })
            .WithTimeout(Timeout)
            .AllowAnyHttpStatus()
            .WithSettings(s => s.JsonSerializer = Json));
}
