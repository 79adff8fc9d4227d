using Microsoft.AspNetCore.Components.Authorization;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>The signed-in user of the current circuit or request, with access read fresh from the database.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, AccessService access)
{
    public async Task<UserAccess> GetAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await access.ForPrincipalAsync(state.User, ct);
    }

    public async Task<string?> SessionIdAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirst(UserClaims.Session)?.Value;
}
