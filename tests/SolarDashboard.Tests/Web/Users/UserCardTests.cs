using Bunit;
using SolarDashboard.Components.Shared;
using SolarDashboard.Components.Users;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Web.Users;

/// <summary>An admin edits roles only where the app manages them, and saves what was ticked.</summary>
public sealed class UserCardTests : MudTestContext
{
    private static readonly IReadOnlyList<Option<int>> Plants = [new("Anna's Home", 4), new("Lisbon Residence 1", 9)];

    private static UserView Olga(bool fromProvider) =>
        new(7, "Olga Operator", "olga-operator", null, AppRoles.Operator, fromProvider, Now.AddHours(-2), [4]);

    [Fact]
    public void Roles_the_app_manages_are_ticked_and_saved_as_ticked()
    {
        UserEdit? saved = null;
        var card = Render<UserCard>(p => p.Add(c => c.Edit, new UserEdit(Olga(fromProvider: false))).Add(c => c.PlantOptions, Plants)
            .Add(c => c.Now, Now).Add(c => c.Save, e => saved = e));

        var boxes = card.FindAll("[data-testid=roles] input[type=checkbox]");
        Assert.Equal([false, true, false], boxes.Select(b => b.HasAttribute("checked")));
        boxes[2].Change(true); // Admin
        boxes[1].Change(false); // Operator
        card.Find("[data-testid=save-user]").Click();

        card.WaitForAssertion(() => Assert.Equal(AppRoles.Admin, saved?.Roles));
        Assert.Equal([4], saved!.Plants);
        Assert.Contains("last signed in 2 h ago", card.Markup);
    }

    [Fact]
    public void Roles_from_the_identity_provider_are_shown_not_offered()
    {
        var card = Render<UserCard>(p => p.Add(c => c.Edit, new UserEdit(Olga(fromProvider: true))).Add(c => c.PlantOptions, Plants).Add(c => c.Now, Now));

        Assert.Empty(card.FindAll("[data-testid=roles]"));
        Assert.Contains("Operator (from the identity provider)", card.Find(".sd-user-grid").TextContent);
        Assert.Equal("Anna's Home", card.Find("input[data-testid=plants]").GetAttribute("value"));
    }

    [Fact]
    public void In_a_long_fleet_finding_a_plant_narrows_the_list_and_keeps_the_chosen_ones()
    {
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        IReadOnlyList<Option<int>> fleet = [.. Plants, .. Enumerable.Range(20, 10).Select(i => new Option<int>($"Berlin Residence {i}", i))];
        var card = Render<UserCard>(p => p.Add(c => c.Edit, new UserEdit(Olga(fromProvider: true))).Add(c => c.PlantOptions, fleet).Add(c => c.Now, Now));

        card.Find("input[data-testid=find-plant]").Input("lisbon");
        card.Find(".mud-select .mud-input-control").MouseDown();

        popovers.WaitForAssertion(() =>
            Assert.Equal(["Anna's Home", "Lisbon Residence 1"], popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
    }
}
