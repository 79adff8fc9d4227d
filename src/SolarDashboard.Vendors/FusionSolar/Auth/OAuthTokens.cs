namespace SolarDashboard.Vendors.FusionSolar.Auth;

/// <summary>Tokens of an OAuth Connect consent. Persisted (encrypted) by the owner of the connection.</summary>
public sealed record OAuthTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, string Scope);
