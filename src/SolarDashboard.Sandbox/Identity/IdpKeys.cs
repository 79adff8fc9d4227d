using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SolarDashboard.Sandbox.Identity;

/// <summary>The identity provider's RS256 signing key: generated once, persisted, and published as a JWKS.</summary>
public sealed class IdpKeys
{
    public IdpKeys(SandboxOptions options, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.IdentityProvider.KeyFile));
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<StoredKey>(File.ReadAllText(path))!;
            rsa.ImportRSAPrivateKey(Convert.FromBase64String(stored.PrivateKey), out _);
            KeyId = stored.KeyId;
        }
        else
        {
            rsa.KeySize = 2048;
            KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, JsonSerializer.Serialize(new StoredKey(KeyId, Convert.ToBase64String(rsa.ExportRSAPrivateKey()))));
        }
        Key = new RsaSecurityKey(rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }
    public RsaSecurityKey Key { get; }
    public SigningCredentials Credentials { get; }

    /// <summary>The public half only, as a JSON Web Key.</summary>
    public object Jwks()
    {
        var p = Key.Rsa.ExportParameters(false);
        return new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } };
    }

    private sealed record StoredKey(string KeyId, string PrivateKey);
}
