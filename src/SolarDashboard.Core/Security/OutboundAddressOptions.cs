namespace SolarDashboard.Core.Security;

/// <summary>
/// Which vendor addresses typed into the app the server may connect to (section <c>SolarDashboard:OutboundAddresses</c>).
/// Every vendor's documented hosts are allowed; anything else must be listed here by whoever runs the server.
/// </summary>
public sealed class OutboundAddressOptions
{
    public const string Section = "SolarDashboard:OutboundAddresses";

    /// <summary>More host names (or IP literals) an admin may type, e.g. a company proxy in front of a vendor.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Allow loopback, private, link-local and other non-public addresses (a vendor stand-in on this network).</summary>
    public bool AllowPrivateNetworks { get; set; }
}
