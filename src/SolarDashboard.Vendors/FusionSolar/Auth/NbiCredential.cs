namespace SolarDashboard.Vendors.FusionSolar.Auth;

/// <summary>The header that proves a call: "XSRF-TOKEN" for an API account, "Authorization: Bearer" for an owner consent.</summary>
public sealed record NbiCredential(string HeaderName, string HeaderValue);
