using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SolarDashboard.Sandbox.Identity;

/// <summary>
/// What the identity provider remembers beyond one sign-in: the refresh tokens it issued (single use: each refresh
/// replaces the token; kept hashed in a file beside the signing key, so a restart does not sign everyone out) and the
/// roles an admin gave a demo user at run time (in memory).
/// </summary>
public sealed class IdpState
{
    private readonly SandboxOptions _options;
    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Grant> _grants;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _roles = new(StringComparer.Ordinal);

    public IdpState(SandboxOptions options, IHostEnvironment environment)
    {
        _options = options;
        var keyFile = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.IdentityProvider.KeyFile));
        _path = Path.Combine(Path.GetDirectoryName(keyFile)!, "sandbox-idp-refresh-tokens.json");
        _grants = Load();
    }

    /// <summary>A refresh token's owner: the user and the client it was issued to.</summary>
    public sealed record Grant(string User, string ClientId);

    /// <summary>The user's roles now: set by an admin, else as configured.</summary>
    public IReadOnlyList<string> RolesOf(IdpUser user) => _roles.TryGetValue(user.UserName, out var roles) ? roles : user.Roles;

    /// <summary>False when there is no such user.</summary>
    public bool SetRoles(string userName, IReadOnlyList<string> roles)
    {
        if (_options.IdentityProvider.EffectiveUsers.All(u => u.UserName != userName)) return false;
        _roles[userName] = roles;
        return true;
    }

    public string Issue(string user, string clientId)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Change(grants => grants[Hash(token)] = new Grant(user, clientId));
        return token;
    }

    /// <summary>Spends a refresh token (it works once) and says whose it was; null when unknown, spent or revoked.</summary>
    public Grant? Redeem(string token)
    {
        Grant? grant = null;
        Change(grants => grants.Remove(Hash(token), out grant));
        return grant;
    }

    /// <summary>Revokes every refresh token of a user; returns how many there were.</summary>
    public int Revoke(string user)
    {
        var count = 0;
        Change(grants =>
        {
            foreach (var (hash, _) in grants.Where(g => g.Value.User == user).ToList()) count += grants.Remove(hash) ? 1 : 0;
        });
        return count;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Applies a change in memory and to the file; the file is re-read first, as several sandboxes may share it.</summary>
    private void Change(Action<Dictionary<string, Grant>> change)
    {
        lock (_lock)
        {
            change(_grants);
            var onDisk = Load();
            change(onDisk);
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(onDisk));
            File.Move(temp, _path, overwrite: true);
        }
    }

    private Dictionary<string, Grant> Load()
    {
        try
        {
            return File.Exists(_path) ? JsonSerializer.Deserialize<Dictionary<string, Grant>>(File.ReadAllText(_path)) ?? [] : [];
        }
        catch (JsonException)
        {
            return []; // a damaged file: everyone signs in again
        }
    }
}
