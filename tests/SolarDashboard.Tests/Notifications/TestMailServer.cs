using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace SolarDashboard.Tests.Notifications;

/// <summary>A real SMTP server in the test process (netDumbster) on a port of its own; what it received, read back with MimeKit.</summary>
public sealed class TestMailServer : IDisposable
{
    private readonly SimpleSmtpServer _server;

    private TestMailServer(SimpleSmtpServer server) => _server = server;

    public int Port => _server.Configuration.Port;

    public static TestMailServer Start(int? port = null) => new(SimpleSmtpServer.Start(port ?? FreePort()));

    /// <summary>Every message received so far, parsed as the recipient's mail program would.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>A port nothing listens on (yet).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The settings that point the app's mail at a server on <paramref name="port"/> of this machine.</summary>
    public static Dictionary<string, string?> Settings(int port) => new()
    {
        ["SolarDashboard:Mail:Host"] = "127.0.0.1",
        ["SolarDashboard:Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SolarDashboard:Mail:Security"] = "None",
        ["SolarDashboard:Mail:From"] = "SolarDashboard <solar@example.test>",
        ["SolarDashboard:PublicBaseUrl"] = "https://dash.example.test/",
    };

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
