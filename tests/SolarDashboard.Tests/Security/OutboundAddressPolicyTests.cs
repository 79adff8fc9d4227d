using System.Net;
using Microsoft.Extensions.Options;
using SolarDashboard.Core;
using SolarDashboard.Core.Security;

namespace SolarDashboard.Tests.Security;

/// <summary>A vendor address an admin types cannot point the server at itself or at the private network behind it.</summary>
public sealed class OutboundAddressPolicyTests
{
    private static readonly string[] FusionSolarHosts = ["eu5.fusionsolar.huawei.com", "intl.fusionsolar.huawei.com"];

    private sealed class At(Uri? current) : IAppAddress
    {
        public Uri? Current => current;
    }

    private static OutboundAddressPolicy Policy(bool demo = false, bool allowPrivate = false, Uri? own = null, params string[] allowed) =>
        new(Options.Create(new OutboundAddressOptions { AllowPrivateNetworks = allowPrivate, AllowedHosts = [.. allowed] }),
            Options.Create(new CoreOptions { DemoMode = demo }), new At(own));

    [Theory]
    [InlineData("https://eu5.fusionsolar.huawei.com/")]
    [InlineData("https://EU5.fusionsolar.huawei.com")]
    public void A_documented_region_is_accepted(string typed) => Assert.Null(Policy().Problem(typed, FusionSolarHosts));

    [Theory]
    [InlineData("https://127.0.0.1:5499/")]
    [InlineData("https://169.254.169.254/")]
    [InlineData("https://10.0.0.5/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://localhost/")]
    [InlineData("https://fusionsolar.evil.example/")]
    [InlineData("https://eu5.fusionsolar.huawei.com.evil.example/")]
    public void Other_hosts_get_one_and_the_same_refusal(string typed) =>
        Assert.Equal(OutboundAddressPolicy.Refused, Policy().Problem(typed, FusionSolarHosts));

    [Theory]
    [InlineData("http://eu5.fusionsolar.huawei.com/")]
    [InlineData("https://user:pw@eu5.fusionsolar.huawei.com/")]
    [InlineData("https://eu5.fusionsolar.huawei.com/?x=1")]
    [InlineData("ftp://eu5.fusionsolar.huawei.com/")]
    public void Only_plain_https_addresses_are_taken(string typed) =>
        Assert.NotNull(Policy().Problem(typed, FusionSolarHosts));

    [Theory]
    [InlineData("https://eu5.fusionsolar.huawei.com:8443/")]
    [InlineData("https://eu5.fusionsolar.huawei.com:22/")]
    [InlineData("https://eu5.fusionsolar.huawei.com:80/")]
    public void A_documented_host_is_taken_only_at_its_https_port(string typed)
    {
        Assert.Equal(OutboundAddressPolicy.Refused, Policy().Problem(typed, FusionSolarHosts));
        Assert.Null(Policy().Problem("https://eu5.fusionsolar.huawei.com:443/", FusionSolarHosts));
        Assert.Null(Policy(allowed: "eu5.fusionsolar.huawei.com").Problem(typed, FusionSolarHosts)); // the operator's own choice
    }

    [Fact]
    public void A_host_the_operator_allowed_is_accepted_but_a_private_ip_still_needs_private_networks_allowed()
    {
        Assert.Null(Policy(allowed: "proxy.example.com").Problem("https://proxy.example.com/", FusionSolarHosts));
        Assert.Equal(OutboundAddressPolicy.Refused, Policy(allowed: "10.1.2.3").Problem("https://10.1.2.3/", FusionSolarHosts));
        Assert.Null(Policy(allowPrivate: true, allowed: "10.1.2.3").Problem("https://10.1.2.3/", FusionSolarHosts));
    }

    [Fact]
    public void A_path_means_the_demo_sandbox_and_is_refused_outside_demo_mode()
    {
        Assert.Null(Policy(demo: true).Problem("/sandbox/fusionsolar/", FusionSolarHosts));
        Assert.Equal(OutboundAddressPolicy.Refused, Policy().Problem("/sandbox/fusionsolar/", FusionSolarHosts));
        Assert.NotNull(Policy(demo: true).Problem("//evil.example/", FusionSolarHosts));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.20.30.40", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("2002:7f00:1::", false)] // 6to4 carrying 127.0.0.1
    [InlineData("2002:c0a8:101::1", false)] // 6to4 carrying 192.168.1.1
    [InlineData("64:ff9b::a00:1", false)] // NAT64 carrying 10.0.0.1
    [InlineData("64:ff9b::808:808", true)] // NAT64 carrying 8.8.8.8
    [InlineData("2002:808:808::1", true)] // 6to4 carrying 8.8.8.8
    [InlineData("203.0.113.9", true)] // not a private range (documentation, but routable as far as a server knows)
    [InlineData("8.8.8.8", true)]
    [InlineData("2a00:1450:4001:80b::200e", true)]
    public void Connections_reach_only_public_addresses(string ip, bool allowed) =>
        Assert.Equal(allowed, Policy().IsAllowed(IPAddress.Parse(ip), 443));

    [Fact]
    public void In_demo_mode_the_apps_own_loopback_address_and_port_are_reachable_and_no_other_port()
    {
        var policy = Policy(demo: true, own: new Uri("http://127.0.0.1:5080/"));
        Assert.True(policy.IsAllowed(IPAddress.Loopback, 5080));
        Assert.False(policy.IsAllowed(IPAddress.Loopback, 22));
        Assert.False(Policy(demo: false, own: new Uri("http://127.0.0.1:5080/")).IsAllowed(IPAddress.Loopback, 5080));
    }
}
