using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>
/// A live circuit keeps the principal it started with and sends no requests, so the cookie's checks never run for it.
/// Every minute this re-reads the user and, when roles come from the provider, has them re-checked once due. When the
/// user is gone, the session ended or the roles differ from the circuit's, the circuit gives up its sign-in: the page
/// reloads through /account/signin and comes back with the roles of now (or goes to the provider).
/// </summary>
internal sealed class CircuitRoleRevalidation(ILoggerFactory loggers, UserDirectory users, ProviderSessions sessions, IOptions<SignInOptions> signIn)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);

    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!int.TryParse(principal.FindFirst(UserClaims.UserId)?.Value, out var userId)) return false;
        var user = await users.FindAsync(userId, ct);
        if (user is null) return false;
        if (!string.IsNullOrWhiteSpace(signIn.Value.RoleClaim))
        {
            if (await sessions.EnsureCheckedAsync(principal.FindFirst(UserClaims.Session)?.Value ?? "", user, fromCookie: null, ct) is null) return false;
            user = await users.FindAsync(userId, ct);
            if (user is null) return false;
        }
        return principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().SequenceEqual(AppPrincipal.RoleNames(user.Roles).Order());
    }
}
