using System.Collections.Concurrent;
using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Sync;

/// <summary>
/// One authenticated session per connection, and its call log, shared by everything that talks to the vendor for it:
/// the sync, control and consent. Sessions are scarce (logins are limited, and an OAuth refresh voids the previous access
/// token), so two owners of one connection would undo each other. A session is opened on first use and again only when
/// the connection's address, account or credentials change.
/// </summary>
public sealed class ConnectionSessions : IDisposable
{
    private readonly Dictionary<int, (string Fingerprint, IDisposable Session)> _sessions = [];
    private readonly ConcurrentDictionary<int, ConnectionCallLog> _logs = new();
    private readonly Lock _lock = new();

    /// <summary>The connection's session: the one already open, or a new one from <paramref name="open"/>.</summary>
    public TSession Get<TSession>(VendorConnection connection, Func<VendorConnection, ConnectionCallLog, TSession> open) where TSession : class, IDisposable
    {
        var fingerprint = Fingerprint(connection);
        lock (_lock)
        {
            if (_sessions.TryGetValue(connection.Id, out var open0) && open0.Fingerprint == fingerprint && open0.Session is TSession same) return same;
            var session = open(connection, CallLog(connection.Id));
            Put(connection.Id, fingerprint, session);
            return session;
        }
    }

    /// <summary>A session made while the connection was being added (its first login), kept for the connection's first round.</summary>
    public void Adopt(VendorConnection connection, IDisposable session)
    {
        lock (_lock) Put(connection.Id, Fingerprint(connection), session);
    }

    /// <summary>The session itself stored new credentials (a rotated token): it stays, since it holds them already.</summary>
    public void Stored(VendorConnection connection)
    {
        lock (_lock)
            if (_sessions.TryGetValue(connection.Id, out var entry)) _sessions[connection.Id] = (Fingerprint(connection), entry.Session);
    }

    /// <summary>A person replaced the credentials (a new consent) or removed them: the next caller opens a new session.</summary>
    public void Forget(int connectionId)
    {
        lock (_lock)
            if (_sessions.Remove(connectionId, out var entry)) entry.Session.Dispose();
    }

    /// <summary>The calls made for the connection, by whichever caller, until someone saves them.</summary>
    public ConnectionCallLog CallLog(int connectionId) => _logs.GetOrAdd(connectionId, _ => new ConnectionCallLog(connectionId));

    private void Put(int connectionId, string fingerprint, IDisposable session)
    {
        if (_sessions.TryGetValue(connectionId, out var old) && !ReferenceEquals(old.Session, session)) old.Session.Dispose();
        _sessions[connectionId] = (fingerprint, session);
    }

    private static string Fingerprint(VendorConnection c) => $"{c.BaseUrl}|{c.UserName}|{c.AuthMode}|{c.ProtectedSecret?.GetHashCode()}";

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (_, entry) in _sessions) entry.Session.Dispose();
            _sessions.Clear();
        }
    }
}
