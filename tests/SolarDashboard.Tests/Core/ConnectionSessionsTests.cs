using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Sync;

namespace SolarDashboard.Tests.Core;

/// <summary>One session per connection, shared by sync, control and consent: kept while the credentials stay, replaced when a person changes them.</summary>
public sealed class ConnectionSessionsTests
{
    private sealed class Session : IDisposable
    {
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }

    private static VendorConnection Connection(string secret = "protected-1") =>
        new() { Id = 7, Name = "Roof", BaseUrl = "https://eu5.fusionsolar.huawei.com/", ProtectedSecret = secret, CreatedAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public void Every_caller_of_a_connection_gets_the_one_session_until_its_credentials_change()
    {
        using var sessions = new ConnectionSessions();
        var opened = 0;
        Session Open(VendorConnection c, ConnectionCallLog log) { opened++; return new Session(); }

        var sync = sessions.Get(Connection(), Open);
        var control = sessions.Get(Connection(), Open);
        var renewed = sessions.Get(Connection("protected-2"), Open);

        Assert.Same(sync, control);
        Assert.NotSame(sync, renewed);
        Assert.True(sync.Disposed);
        Assert.Equal(2, opened);
    }

    [Fact]
    public void A_token_the_session_rotated_itself_keeps_it_and_a_new_consent_replaces_it()
    {
        using var sessions = new ConnectionSessions();
        var first = sessions.Get(Connection(), (_, _) => new Session());

        sessions.Stored(Connection("rotated"));
        Assert.Same(first, sessions.Get(Connection("rotated"), (_, _) => new Session()));

        sessions.Forget(7);
        Assert.True(first.Disposed);
        Assert.NotSame(first, sessions.Get(Connection("rotated"), (_, _) => new Session()));
    }

    [Fact]
    public void A_session_made_while_adding_the_connection_serves_its_first_callers()
    {
        using var sessions = new ConnectionSessions();
        var adopted = new Session();

        sessions.Adopt(Connection(), adopted);

        Assert.Same(adopted, sessions.Get(Connection(), (_, _) => new Session()));
    }

    [Fact]
    public void A_connection_has_one_call_log_whoever_calls()
    {
        using var sessions = new ConnectionSessions();
        ConnectionCallLog? seen = null;
        sessions.Get(Connection(), (_, log) => { seen = log; return new Session(); });

        Assert.Same(seen, sessions.CallLog(7));
        Assert.NotSame(seen, sessions.CallLog(8));
    }
}
