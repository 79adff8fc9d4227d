namespace SolarDashboard.Core.Redex;

/// <summary>An access token (about an hour) and its refresh token (about 30 days), with when each dies.</summary>
public sealed record RegistryTokens(string AccessToken, DateTimeOffset AccessExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt);
