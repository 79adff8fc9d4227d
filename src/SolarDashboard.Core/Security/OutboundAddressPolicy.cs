using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SolarDashboard.Core.Security;

/// <summary>
/// Keeps a typed vendor address from pointing the server at itself or at the private network behind it (server-side
/// request forgery). Two checks: when the address is typed (https, a documented or configured host, not an IP of a
/// private range), and at every connection (the host's resolved addresses, so a DNS answer cannot swap in a private
/// address later). In demo mode the app's own address (host and port) is allowed: its built-in sandbox answers there.
/// </summary>
public sealed class OutboundAddressPolicy(IOptions<OutboundAddressOptions> options, IOptions<CoreOptions> core, IAppAddress appAddress)
{
    /// <summary>The one text for an address that is refused, so that the answer tells nothing about what is there.</summary>
    public const string Refused = "This address is not allowed. Use the vendor's documented address; other hosts must be allowed by whoever runs the server (SolarDashboard:OutboundAddresses in the configuration).";

    /// <summary>Why a typed address may not be used (null when it may), before anything is sent to it.</summary>
    public string? Problem(string typed, IReadOnlyCollection<string> documentedHosts)
    {
        typed = typed.Trim();
        // A path is this app's own address: demo mode's built-in sandbox.
        if (typed.StartsWith('/') && !typed.StartsWith("//", StringComparison.Ordinal) && !typed.Contains('\\'))
            return core.Value.DemoMode ? null : Refused;
        if (!Uri.TryCreate(typed, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return "The address must be an https:// address without user name, query or fragment.";
        var host = uri.IdnHost.TrimEnd('.');
        // A documented host only at its documented address (the https port): another port of a vendor's host is no vendor
        // API, and trying ports one by one is how a network gets probed. Hosts the operator allowed keep any port.
        var operatorAllowed = options.Value.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
        var documented = documentedHosts.Contains(host, StringComparer.OrdinalIgnoreCase) && uri.IsDefaultPort;
        if (!operatorAllowed && !documented) return Refused;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && !IsAllowed(ip, uri.Port)) return Refused;
        return null;
    }

    /// <summary>Whether the server may open a connection to <paramref name="ip"/> on <paramref name="port"/>.</summary>
    public bool IsAllowed(IPAddress ip, int port) => options.Value.AllowPrivateNetworks || IsPublic(ip) || IsOwnDemoAddress(ip, port);

    /// <summary>
    /// For <c>SocketsHttpHandler.ConnectCallback</c>: resolves the host, refuses if any address is not allowed, and
    /// connects to the first one.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        if (addresses.Length == 0 || !addresses.All(a => IsAllowed(a, context.DnsEndPoint.Port)))
            throw new HttpRequestException(Refused, null, HttpStatusCode.Forbidden);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Routable on the public internet: not loopback, private, shared (CGNAT), link-local, unspecified, multicast or
    /// documentation. An IPv6 address that carries an IPv4 one (mapped, 6to4 2002::/16, NAT64 64:ff9b::/96) is judged by it.
    /// </summary>
    public static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (EmbeddedIPv4(ip) is { } carried) return IsPublic(carried);
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast)) return false;
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] < 128) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32) || (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19) || b[0] >= 224);
        }
        return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6Multicast || ip.IsIPv6UniqueLocal || ip.IsIPv6Teredo
            || ip.GetAddressBytes() is [0x20, 0x01, 0x0d, 0xb8, ..]);
    }

    private static IPAddress? EmbeddedIPv4(IPAddress ip)
    {
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return null;
        var b = ip.GetAddressBytes();
        if (b is [0x20, 0x02, ..]) return new IPAddress(b[2..6]);
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..]) return new IPAddress(b[12..16]);
        return null;
    }

    /// <summary>In demo mode, the address and port this app listens on (its sandbox answers there).</summary>
    private bool IsOwnDemoAddress(IPAddress ip, int port) =>
        core.Value.DemoMode && appAddress.Current is { } own && own.Port == port
        && (own.IsLoopback ? IPAddress.IsLoopback(ip) : IPAddress.TryParse(own.Host.Trim('[', ']'), out var mine) && mine.Equals(ip));
}
