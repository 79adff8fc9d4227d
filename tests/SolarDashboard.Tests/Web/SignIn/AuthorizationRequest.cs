namespace SolarDashboard.Tests.Web.SignIn;

/// <summary>What the app asked the provider for, and the code the provider answers with.</summary>
public sealed record AuthorizationRequest(Uri Location, string State, string Nonce, string RedirectUri, string Code);
