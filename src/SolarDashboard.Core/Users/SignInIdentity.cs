using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Users;

/// <summary>What the provider told us about a person at sign-in.</summary>
/// <param name="ProviderRoles">Roles from the configured role claim; null when roles are managed in the app.</param>
public sealed record SignInIdentity(string Issuer, string Subject, string DisplayName, string? UserName, string? Email,
    IReadOnlyCollection<string>? ProviderRoles, bool IsBootstrapAdmin);
