using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Access;

public sealed class LandingTests
{
    [Theory]
    [InlineData(AppRoles.Owner, new[] { 7 }, "/plants/7")]
    [InlineData(AppRoles.Owner, new[] { 7, 8 }, "/")]
    [InlineData(AppRoles.Owner, new int[0], "/")] // not connected yet: the overview says how
    [InlineData(AppRoles.Owner | AppRoles.Operator, new[] { 7 }, "/")] // operators start from the overview and control
    [InlineData(AppRoles.Operator, new[] { 7 }, "/")]
    public void Sign_in_without_a_page_asked_for_lands_an_owner_of_one_plant_on_it(AppRoles roles, int[] plants, string landing) =>
        Assert.Equal(landing, new UserAccess(1, "u", roles, PlantScope.Of(plants)).Landing);

    [Fact]
    public void An_admin_lands_on_the_overview() => Assert.Equal("/", new UserAccess(1, "a", AppRoles.Admin | AppRoles.Owner, PlantScope.All).Landing);
}
