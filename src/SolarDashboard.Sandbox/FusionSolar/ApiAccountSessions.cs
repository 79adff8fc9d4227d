using System.Security.Cryptography;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// API-account sessions (reference 3.2.2): one live XSRF token per account, 30 minutes sliding; a new login or a logout
/// invalidates it. Five wrong passwords within 10 minutes lock the account for 30 minutes.
/// </summary>
public sealed class ApiAccountSessions(SandboxWorld world)
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(30);

    private readonly object _gate = new();
    private readonly Dictionary<string, (string Token, DateTimeOffset LastUsed)> _sessions = [];
    private readonly Dictionary<string, List<DateTimeOffset>> _failures = [];
    private readonly Dictionary<string, DateTimeOffset> _lockedUntil = [];

    public (LoginOutcome Outcome, string? Token) Login(string? userName, string? systemCode)
    {
        var now = world.Clock.UtcNow;
        var account = world.Fleet.Installer;
        lock (_gate)
        {
            if (userName != account.UserName) return (LoginOutcome.UnknownAccount, null);
            if (_lockedUntil.TryGetValue(userName, out var until) && now < until) return (LoginOutcome.Locked, null);
            if (systemCode != account.SystemCode)
            {
                var list = _failures.TryGetValue(userName, out var l) ? l : _failures[userName] = [];
                list.RemoveAll(t => now - t > FailureWindow);
                list.Add(now);
                if (list.Count >= 5)
                {
                    _lockedUntil[userName] = now + Lockout;
                    list.Clear();
                }
                return (LoginOutcome.WrongPassword, null);
            }
            _failures.Remove(userName);
            var token = "x-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(48));
            _sessions[userName] = (token, now);
            return (LoginOutcome.Ok, token);
        }
    }

    /// <summary>The account of a live token, sliding its expiry; null when expired, replaced or logged out.</summary>
    public SimApiAccount? Resolve(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var now = world.Clock.UtcNow;
        lock (_gate)
        {
            foreach (var (user, session) in _sessions)
            {
                if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(session.Token), System.Text.Encoding.UTF8.GetBytes(token))) continue;
                if (now - session.LastUsed > SessionLifetime) { _sessions.Remove(user); return null; }
                _sessions[user] = (session.Token, now);
                return world.Fleet.Installer.UserName == user ? world.Fleet.Installer : null;
            }
        }
        return null;
    }

    public bool Logout(string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        lock (_gate)
        {
            var entry = _sessions.FirstOrDefault(s => s.Value.Token == token);
            return entry.Key is not null && _sessions.Remove(entry.Key);
        }
    }

    /// <summary>Whose token this is, without touching the session (logout is counted against that account).</summary>
    public string? AccountOf(string? token)
    {
        lock (_gate) return _sessions.FirstOrDefault(s => s.Value.Token == token).Key;
    }
}
