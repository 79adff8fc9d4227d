namespace SolarDashboard.Core.Redex;

/// <summary>What the token call needs; in memory only, decrypted for the call.</summary>
public sealed record RegistryCredentials(Uri BaseUrl, string ApiKey, string ClientId, string ClientSecret);
