using System.Globalization;
using System.Net;
using System.Net.Sockets;
using netDumbster.smtp;

namespace SolarDashboard.E2E;

/// <summary>The app with its mail pointed at a real SMTP server in the test process (netDumbster) and a fast notification pass.</summary>
public sealed class MailAppFixture : BrowserFixture
{
    public SimpleSmtpServer Mail { get; } = SimpleSmtpServer.Start(FreePort());

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["SolarDashboard:Mail:Host"] = "127.0.0.1",
        ["SolarDashboard:Mail:Port"] = Mail.Configuration.Port.ToString(CultureInfo.InvariantCulture),
        ["SolarDashboard:Mail:Security"] = "None",
        ["SolarDashboard:Mail:From"] = "SolarDashboard <solar@example.test>",
        ["SolarDashboard:Notifications:Tick"] = "00:00:02",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Stop();
        Mail.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
