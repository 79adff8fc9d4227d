using System.Security.Cryptography;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// Opaque bearer tokens on the simulated clock: an access token lives 1 hour, a refresh token 30 days. A refresh
/// rotates: it answers a new pair and the refresh token it used stops working. New tokens never revoke older ones.
/// </summary>
public sealed class RedexTokens(SimulationClock clock)
{
    public static readonly TimeSpan AccessLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    private readonly object _gate = new();
    private readonly Dictionary<string, (string ClientId, DateTimeOffset Expires)> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ClientId, DateTimeOffset Expires)> _refresh = new(StringComparer.Ordinal);

    public RedexTokenPair Issue(string clientId)
    {
        var now = clock.UtcNow;
        var pair = new RedexTokenPair(NewToken(), NewToken(), (int)AccessLifetime.TotalSeconds);
        lock (_gate)
        {
            Prune(now);
            _access[pair.AccessToken] = (clientId, now + AccessLifetime);
            _refresh[pair.RefreshToken] = (clientId, now + RefreshLifetime);
        }
        return pair;
    }

    /// <summary>A new pair for a refresh token issued to <paramref name="clientId"/>; otherwise why not.</summary>
    public (RedexTokenPair? Pair, string? Error) Refresh(string refreshToken, string clientId)
    {
        lock (_gate)
        {
            if (!_refresh.TryGetValue(refreshToken, out var entry) || entry.ClientId != clientId) return (null, "The refresh token is invalid");
            _refresh.Remove(refreshToken);
            if (entry.Expires <= clock.UtcNow) return (null, "The refresh token has expired");
        }
        return (Issue(clientId), null);
    }

    /// <summary>The account of a valid access token; otherwise why not, with the reference's wording.</summary>
    public (string? ClientId, string? Error) Resolve(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken)) return (null, "Unauthorized");
        lock (_gate)
        {
            if (!_access.TryGetValue(accessToken, out var entry)) return (null, "The token is invalid");
            return entry.Expires <= clock.UtcNow ? (null, "The token has expired") : (entry.ClientId, null);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _access.Where(t => t.Value.Expires <= now - TimeSpan.FromDays(1)).Select(t => t.Key).ToList()) _access.Remove(key);
        foreach (var key in _refresh.Where(t => t.Value.Expires <= now - TimeSpan.FromDays(1)).Select(t => t.Key).ToList()) _refresh.Remove(key);
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
