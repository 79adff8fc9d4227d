using System.Text.Json;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// The OAuth service's consents and issued tokens on disk: one JSON file, read once at start and replaced as a whole
/// (write a temporary file, then rename it over the old one) after every change, so a crash leaves the old or the new
/// state, never half of one. Tokens are kept as SHA-256 hashes only: the service needs to recognise them, not know them.
/// </summary>
internal sealed class OAuthStateFile(string path, ILogger logger)
{
    private const int Version = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>One owner's consent to a client: the granted scopes, its refresh token and its current access token.</summary>
    public sealed record Grant(string Owner, string ClientId, IReadOnlyList<string> Scopes, string RefreshTokenHash, string? AccessTokenHash, DateTimeOffset? AccessTokenExpires);

    private sealed record Content(int Version, IReadOnlyList<Grant>? Grants);

    /// <summary>The stored grants; none when there is no file yet, or when it cannot be read (owners then consent again).</summary>
    public IReadOnlyList<Grant> Read()
    {
        if (!File.Exists(path)) return [];
        try
        {
            var content = JsonSerializer.Deserialize<Content>(File.ReadAllText(path), Json);
            if (content is { Version: Version, Grants: { } grants })
                return [.. grants.Where(g => !string.IsNullOrEmpty(g.Owner) && !string.IsNullOrEmpty(g.ClientId) && !string.IsNullOrEmpty(g.RefreshTokenHash) && g.Scopes is not null)];
            logger.LogWarning("The sandbox OAuth state file {Path} has an unknown layout; starting without consents.", path);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("The sandbox OAuth state file {Path} cannot be read ({Reason}); starting without consents.", path, e.Message);
        }
        return [];
    }

    /// <summary>Replaces the file with these grants. A failure is logged: the state then lives on in memory until the next change.</summary>
    public void Write(IEnumerable<Grant> grants)
    {
        // A temporary name of its own, so two sandboxes sharing the file never write into each other's temporary file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, new Content(Version, [.. grants]), Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("The sandbox OAuth state file {Path} cannot be written ({Reason}); consents given now are lost on restart.", path, e.Message);
            try { File.Delete(temporary); }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { /* nothing more to do */ }
        }
    }
}
