using Microsoft.AspNetCore.Components.Authorization;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>The signed-in user of the current circuit or request, with access read fresh from the database.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, AccessService access)
{
    private Task<UserAccess>? _request;

    public async Task<UserAccess> GetAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await access.ForPrincipalAsync(state.User, ct);
    }

    /// <summary>
    /// For a prerender, whose scope is one HTTP request (the sign-in cookie's check just re-read the user): every component
    /// of the page shares one read. A circuit lives for hours, so interactive components call <see cref="GetAsync"/>.
    /// </summary>
    public Task<UserAccess> GetForRequestAsync() => _request ??= GetAsync();

    public async Task<string?> SessionIdAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirst(UserClaims.Session)?.Value;
}
