namespace SolarDashboard.Sandbox.Redex;

/// <summary>A REDEX business account. Requests are limited per account.</summary>
public sealed record RedexAccount(string Name, string ApiKey, string ClientId, string ClientSecret);
