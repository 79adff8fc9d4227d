namespace SolarDashboard.Core.Redex;

/// <summary>A REDEX business account. The API key, the client secret and the tokens are stored encrypted (SecretProtector).</summary>
public sealed class RedexAccount
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string BaseUrl { get; set; }
    public required string ClientId { get; set; }
    public required string ProtectedApiKey { get; set; }
    public required string ProtectedClientSecret { get; set; }

    /// <summary>The last token answer as encrypted JSON (<see cref="RegistryTokens"/>); null until the first token call.</summary>
    public string? ProtectedTokens { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
