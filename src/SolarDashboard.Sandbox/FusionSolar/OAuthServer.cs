using System.Security.Cryptography;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// The OAuth service of reference 3.1: authorization codes (5 minutes, single use), access tokens (3600 s) and refresh
/// tokens. A refresh invalidates the previous access token; a new authorization (incremental consent) invalidates the
/// owner's previous tokens for this client.
/// </summary>
public sealed class OAuthServer(SandboxWorld world, SandboxOptions options)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public const int AccessTokenSeconds = 3600;

    private readonly object _gate = new();
    private readonly Dictionary<string, CodeGrant> _codes = [];
    private readonly Dictionary<string, Grant> _refreshTokens = [];
    private readonly Dictionary<string, (Grant Grant, DateTimeOffset Expires)> _accessTokens = [];

    private sealed record CodeGrant(string Owner, string ClientId, string RedirectUri, IReadOnlySet<string> Scopes, DateTimeOffset Expires);

    private sealed class Grant(string owner, IReadOnlySet<string> scopes)
    {
        public string Owner { get; } = owner;
        public IReadOnlySet<string> Scopes { get; } = scopes;
        public string? CurrentAccessToken { get; set; }
    }

    public OAuthClientOptions Client => options.OAuth;

    public bool IsKnownClient(string? clientId) => clientId == options.OAuth.ClientId;

    public bool IsRegisteredRedirect(string? redirectUri)
    {
        if (string.IsNullOrEmpty(redirectUri) || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)) return false;
        // The vendor refuses RedirectUrls containing "..", "redirect" or "#" (reference 3.1.1).
        if (redirectUri.Contains("..", StringComparison.Ordinal) || redirectUri.Contains('#')) return false;
        if (options.OAuth.RedirectUris.Contains(redirectUri)) return true;
        return options.OAuth.AllowLoopbackRedirectUris && uri.IsLoopback;
    }

    public SimOwner? CheckOwner(string? userName, string? password) =>
        world.Fleet.Owners.FirstOrDefault(o => o.UserName == userName && o.Password == password);

    public string IssueCode(SimOwner owner, string clientId, string redirectUri, IReadOnlySet<string> scopes)
    {
        var code = Token(24);
        lock (_gate) _codes[code] = new CodeGrant(owner.UserName, clientId, redirectUri, scopes, world.Clock.UtcNow + CodeLifetime);
        return code;
    }

    public bool CheckClient(string? clientId, string? secret) =>
        clientId == options.OAuth.ClientId && secret is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(options.OAuth.ClientSecret));

    public TokenAnswer? ExchangeCode(string? code, string? redirectUri, string clientId)
    {
        var now = world.Clock.UtcNow;
        lock (_gate)
        {
            if (code is null || !_codes.Remove(code, out var grant)) return null; // single use: removed even when it fails below
            if (grant.Expires < now || grant.RedirectUri != redirectUri || grant.ClientId != clientId) return null;
            // Incremental authorization: the owner's earlier tokens die once new ones are issued.
            foreach (var stale in _refreshTokens.Where(r => r.Value.Owner == grant.Owner).ToList())
            {
                _refreshTokens.Remove(stale.Key);
                if (stale.Value.CurrentAccessToken is { } at) _accessTokens.Remove(at);
            }
            var g = new Grant(grant.Owner, grant.Scopes);
            var refresh = Token(32);
            _refreshTokens[refresh] = g;
            return Issue(g, refresh, now);
        }
    }

    public TokenAnswer? Refresh(string? refreshToken)
    {
        var now = world.Clock.UtcNow;
        lock (_gate)
        {
            if (refreshToken is null || !_refreshTokens.TryGetValue(refreshToken, out var g)) return null;
            if (g.CurrentAccessToken is { } old) _accessTokens.Remove(old);
            return Issue(g, refreshToken, now);
        }
    }

    /// <summary>The caller behind a bearer token, or null when unknown, expired or superseded.</summary>
    public Caller? Resolve(string accessToken)
    {
        var now = world.Clock.UtcNow;
        lock (_gate)
        {
            if (!_accessTokens.TryGetValue(accessToken, out var entry) || entry.Expires <= now) return null;
            var owner = world.Fleet.Owners.First(o => o.UserName == entry.Grant.Owner);
            return new Caller("oauth:" + owner.UserName, true, entry.Grant.Scopes, owner.PlantCodes);
        }
    }

    /// <summary>Test and demo aid: makes every refresh token of the owner unusable (as if consent was revoked in the app).</summary>
    public int Revoke(string owner)
    {
        lock (_gate)
        {
            var stale = _refreshTokens.Where(r => r.Value.Owner == owner).ToList();
            foreach (var s in stale)
            {
                _refreshTokens.Remove(s.Key);
                if (s.Value.CurrentAccessToken is { } at) _accessTokens.Remove(at);
            }
            return stale.Count;
        }
    }

    /// <summary>Test aid: the owner's live tokens (access, refresh), to prove they are not stored in clear anywhere.</summary>
    public IReadOnlyList<string> TokensOf(string owner)
    {
        lock (_gate)
            return _refreshTokens.Where(r => r.Value.Owner == owner)
                .SelectMany(r => r.Value.CurrentAccessToken is { } at ? new[] { r.Key, at } : [r.Key]).ToList();
    }

    private TokenAnswer Issue(Grant g, string refresh, DateTimeOffset now)
    {
        var access = Token(32);
        g.CurrentAccessToken = access;
        _accessTokens[access] = (g, now.AddSeconds(AccessTokenSeconds));
        return new TokenAnswer(access, refresh, AccessTokenSeconds, string.Join(' ', g.Scopes.Order()));
    }

    private static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record TokenAnswer(string AccessToken, string RefreshToken, int ExpiresIn, string Scope);
