using System.Security.Cryptography;
using System.Text;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// The OAuth service of reference 3.1: authorization codes (5 minutes, single use), access tokens (3600 s) and refresh
/// tokens. A refresh invalidates the previous access token; a new authorization (incremental consent) invalidates the
/// owner's previous tokens for this client. Consents and tokens survive a restart (<see cref="OAuthClientOptions.StateFile"/>);
/// authorization codes do not.
/// </summary>
public sealed class OAuthServer
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public const int AccessTokenSeconds = 3600;

    private readonly SandboxWorld _world;
    private readonly SandboxOptions _options;
    private readonly OAuthStateFile _file;
    private readonly object _gate = new();
    private readonly Dictionary<string, CodeGrant> _codes = [];
    // Both keyed by the token's hash, as the state file keeps them.
    private readonly Dictionary<string, Grant> _byRefreshToken = [];
    private readonly Dictionary<string, Grant> _byAccessToken = [];

    public OAuthServer(SandboxWorld world, SandboxOptions options, IHostEnvironment environment, ILogger<OAuthServer> logger)
    {
        _world = world;
        _options = options;
        _file = new OAuthStateFile(Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.OAuth.StateFile)), logger);
        // Consents of owners no longer in the fleet, or given to another client, have nobody left to serve.
        foreach (var stored in _file.Read().Where(g => g.ClientId == options.OAuth.ClientId && world.Fleet.Owners.Any(o => o.UserName == g.Owner)))
        {
            var grant = new Grant(stored.Owner, stored.ClientId, stored.Scopes.ToHashSet(), stored.RefreshTokenHash)
            {
                AccessTokenHash = stored.AccessTokenHash,
                AccessTokenExpires = stored.AccessTokenExpires,
            };
            _byRefreshToken[grant.RefreshTokenHash] = grant;
            if (grant.AccessTokenHash is { } access) _byAccessToken[access] = grant;
        }
    }

    private sealed record CodeGrant(string Owner, string ClientId, string RedirectUri, IReadOnlySet<string> Scopes, DateTimeOffset Expires);

    private sealed class Grant(string owner, string clientId, IReadOnlySet<string> scopes, string refreshTokenHash)
    {
        public string Owner { get; } = owner;
        public string ClientId { get; } = clientId;
        public IReadOnlySet<string> Scopes { get; } = scopes;
        public string RefreshTokenHash { get; } = refreshTokenHash;
        public string? AccessTokenHash { get; set; }
        public DateTimeOffset? AccessTokenExpires { get; set; }

        /// <summary>The tokens in clear, known only to the process that issued them (for <see cref="TokensOf"/>).</summary>
        public string? RefreshToken { get; init; }
        public string? AccessToken { get; set; }
    }

    public OAuthClientOptions Client => _options.OAuth;

    public bool IsKnownClient(string? clientId) => clientId == _options.OAuth.ClientId;

    public bool IsRegisteredRedirect(string? redirectUri)
    {
        if (string.IsNullOrEmpty(redirectUri) || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)) return false;
        // The vendor refuses RedirectUrls containing "..", "redirect" or "#" (reference 3.1.1).
        if (redirectUri.Contains("..", StringComparison.Ordinal) || redirectUri.Contains('#')) return false;
        if (_options.OAuth.RedirectUris.Contains(redirectUri)) return true;
        return _options.OAuth.AllowLoopbackRedirectUris && uri.IsLoopback;
    }

    public SimOwner? CheckOwner(string? userName, string? password) =>
        _world.Fleet.Owners.FirstOrDefault(o => o.UserName == userName && o.Password == password);

    public string IssueCode(SimOwner owner, string clientId, string redirectUri, IReadOnlySet<string> scopes)
    {
        var code = Token(24);
        lock (_gate) _codes[code] = new CodeGrant(owner.UserName, clientId, redirectUri, scopes, _world.Clock.UtcNow + CodeLifetime);
        return code;
    }

    public bool CheckClient(string? clientId, string? secret) =>
        clientId == _options.OAuth.ClientId && secret is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_options.OAuth.ClientSecret));

    public TokenAnswer? ExchangeCode(string? code, string? redirectUri, string clientId)
    {
        var now = _world.Clock.UtcNow;
        lock (_gate)
        {
            if (code is null || !_codes.Remove(code, out var grant)) return null; // single use: removed even when it fails below
            if (grant.Expires < now || grant.RedirectUri != redirectUri || grant.ClientId != clientId) return null;
            // Incremental authorization: the owner's earlier tokens die once new ones are issued.
            RemoveGrants(grant.Owner);
            var refresh = Token(32);
            var g = new Grant(grant.Owner, grant.ClientId, grant.Scopes, Hash(refresh)) { RefreshToken = refresh };
            _byRefreshToken[g.RefreshTokenHash] = g;
            return Issue(g, refresh, now);
        }
    }

    public TokenAnswer? Refresh(string? refreshToken)
    {
        var now = _world.Clock.UtcNow;
        lock (_gate)
        {
            if (refreshToken is null || !_byRefreshToken.TryGetValue(Hash(refreshToken), out var g)) return null;
            return Issue(g, refreshToken, now);
        }
    }

    /// <summary>The caller behind a bearer token, or null when unknown, expired or superseded.</summary>
    public Caller? Resolve(string accessToken)
    {
        var now = _world.Clock.UtcNow;
        lock (_gate)
        {
            if (!_byAccessToken.TryGetValue(Hash(accessToken), out var grant) || grant.AccessTokenExpires <= now) return null;
            var owner = _world.Fleet.Owners.First(o => o.UserName == grant.Owner);
            return new Caller("oauth:" + owner.UserName, true, grant.Scopes, owner.PlantCodes);
        }
    }

    /// <summary>Test and demo aid: makes every refresh token of the owner unusable (as if consent was revoked in the app).</summary>
    public int Revoke(string owner)
    {
        lock (_gate)
        {
            var revoked = RemoveGrants(owner);
            if (revoked > 0) Save();
            return revoked;
        }
    }

    /// <summary>Test aid: the owner's live tokens (access, refresh) issued since this start, to prove they are not stored in clear anywhere.</summary>
    public IReadOnlyList<string> TokensOf(string owner)
    {
        lock (_gate)
            return _byRefreshToken.Values.Where(g => g.Owner == owner)
                .SelectMany(g => new[] { g.RefreshToken, g.AccessToken })
                .OfType<string>().ToList();
    }

    private TokenAnswer Issue(Grant g, string refresh, DateTimeOffset now)
    {
        if (g.AccessTokenHash is { } old) _byAccessToken.Remove(old);
        var access = Token(32);
        g.AccessToken = access;
        g.AccessTokenHash = Hash(access);
        g.AccessTokenExpires = now.AddSeconds(AccessTokenSeconds);
        _byAccessToken[g.AccessTokenHash] = g;
        Save();
        return new TokenAnswer(access, refresh, AccessTokenSeconds, string.Join(' ', g.Scopes.Order()));
    }

    private int RemoveGrants(string owner)
    {
        var stale = _byRefreshToken.Values.Where(g => g.Owner == owner).ToList();
        foreach (var g in stale)
        {
            _byRefreshToken.Remove(g.RefreshTokenHash);
            if (g.AccessTokenHash is { } at) _byAccessToken.Remove(at);
        }
        return stale.Count;
    }

    /// <summary>Writes the whole state; called under the gate, so files are written in the order of the changes.</summary>
    private void Save() => _file.Write(_byRefreshToken.Values.Select(g =>
        new OAuthStateFile.Grant(g.Owner, g.ClientId, [.. g.Scopes.Order()], g.RefreshTokenHash, g.AccessTokenHash, g.AccessTokenExpires)));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
