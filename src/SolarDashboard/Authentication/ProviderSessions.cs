using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>
/// When roles come from the provider, each sign-in session has them re-checked with the provider (a refresh-token grant)
/// once they are <see cref="CheckEvery"/> old, whether the session is seen in a request (cookie) or a live circuit. The
/// refresh token lives in the encrypted sign-in cookie; the newest one is also kept here in memory, so requests at once
/// share one refresh, a request still carrying the cookie from before a refresh does not spend a rotated token again,
/// and a circuit, which has no cookie to write, can refresh too. A session the provider refused stays ended.
/// </summary>
internal sealed class ProviderSessions(ProviderRefresh refresh, TimeProvider time)
{
    /// <summary>Re-check once the last check is this old; circuits look every minute, so no session goes 15 minutes unchecked.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(14);

    private const string CheckedAtItem = ".sd.rolesCheckedAt";
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(9); // longer than the 8-hour cookie

    private readonly ConcurrentDictionary<string, Session> _sessions = new();
    private long _prunedAt = Environment.TickCount64;

    /// <summary>The provider tokens of a session and when its roles were last confirmed (on the app's clock).</summary>
    public sealed record Tokens(string? RefreshToken, string? IdToken, DateTimeOffset CheckedAt);

    /// <summary>At sign-in: the roles were just read from a fresh id_token.</summary>
    public Tokens Start(string sessionId, string? refreshToken, string idToken)
    {
        var tokens = new Tokens(refreshToken, idToken, time.GetUtcNow());
        _sessions[sessionId] = new Session { Latest = tokens };
        return tokens;
    }

    public void End(string sessionId) => _sessions.TryRemove(sessionId, out _);

    /// <summary>
    /// The session's tokens once its roles are confirmed (re-checked now if due, the user's record updated), or null when
    /// the session must end: the provider refused, could not be asked, or nothing is known to ask it with.
    /// </summary>
    /// <param name="fromCookie">What the request's cookie carries; null in a circuit.</param>
    public async Task<Tokens?> EnsureCheckedAsync(string sessionId, AppUser user, Tokens? fromCookie, CancellationToken ct)
    {
        Prune();
        var session = _sessions.GetOrAdd(sessionId, _ => new Session());
        session.SeenAt = Environment.TickCount64;
        if (session.Ended) return null;
        var latest = Newest(session.Latest, fromCookie);
        if (latest is null) return null;
        if (!IsDue(latest)) return session.Latest = latest;

        await session.Gate.WaitAsync(ct);
        try
        {
            if (session.Ended) return null;
            latest = Newest(session.Latest, fromCookie)!;
            if (!IsDue(latest)) return session.Latest = latest; // another request or the circuit just did it
            var outcome = await refresh.RunAsync(user, latest.RefreshToken, ct);
            if (outcome is null)
            {
                session.Ended = true;
                return null;
            }
            return session.Latest = new Tokens(outcome.RefreshToken ?? latest.RefreshToken, outcome.IdToken, time.GetUtcNow());
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>The tokens a sign-in cookie carries (null when it carries none, as before this check existed).</summary>
    public static Tokens? Read(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(CheckedAtItem, out var at) && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            ? new Tokens(properties.GetTokenValue(OpenIdConnectParameterNames.RefreshToken), properties.GetTokenValue(OpenIdConnectParameterNames.IdToken), checkedAt)
            : null;

    /// <summary>Puts the tokens into the (encrypted) sign-in cookie's properties.</summary>
    public static void Write(AuthenticationProperties properties, Tokens tokens)
    {
        var list = new List<AuthenticationToken>();
        if (tokens.IdToken is not null) list.Add(new() { Name = OpenIdConnectParameterNames.IdToken, Value = tokens.IdToken });
        if (tokens.RefreshToken is not null) list.Add(new() { Name = OpenIdConnectParameterNames.RefreshToken, Value = tokens.RefreshToken });
        properties.StoreTokens(list);
        properties.Items[CheckedAtItem] = tokens.CheckedAt.ToString("o", CultureInfo.InvariantCulture);
    }

    private static Tokens? Newest(Tokens? a, Tokens? b) => a is null ? b : b is null || a.CheckedAt >= b.CheckedAt ? a : b;

    /// <summary>Old enough, or from the future: the demo's simulated clock starts again when the app restarts.</summary>
    private bool IsDue(Tokens tokens)
    {
        var now = time.GetUtcNow();
        return now - tokens.CheckedAt >= CheckEvery || tokens.CheckedAt - now > TimeSpan.FromMinutes(1);
    }

    private void Prune()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _prunedAt) < 600_000) return;
        Interlocked.Exchange(ref _prunedAt, now);
        foreach (var (id, session) in _sessions)
            if (now - session.SeenAt > (long)ForgetAfter.TotalMilliseconds) _sessions.TryRemove(id, out _);
    }

    private sealed class Session
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public Tokens? Latest { get; set; }
        public bool Ended { get; set; }
        public long SeenAt { get; set; } = Environment.TickCount64;
    }
}
