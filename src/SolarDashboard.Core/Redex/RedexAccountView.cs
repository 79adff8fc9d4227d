namespace SolarDashboard.Core.Redex;

/// <summary>A REDEX account as the page shows it (never its secrets).</summary>
public sealed record RedexAccountView(int Id, string Name, string BaseUrl, string ClientId);
