using Microsoft.Extensions.DependencyInjection;
using SolarDashboard.Authentication;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Web;

public sealed class CurrentUserTests : DashboardTestContext
{
    [Fact]
    public async Task A_circuit_sees_a_role_change_on_its_next_read()
    {
        var user = Services.GetRequiredService<CurrentUser>();
        Assert.True((await user.GetAsync()).IsAdmin);

        await SetRolesAsync(AppRoles.Operator);

        Assert.False((await user.GetAsync()).IsAdmin);
    }

    [Fact]
    public async Task The_components_of_one_prerender_share_one_read_of_the_user()
    {
        var user = Services.GetRequiredService<CurrentUser>();
        var first = await user.GetForRequestAsync();

        await SetRolesAsync(AppRoles.Operator); // within one HTTP request: the request's own read stands

        Assert.Same(first, await user.GetForRequestAsync());
        Assert.True(first.IsAdmin);
    }
}
