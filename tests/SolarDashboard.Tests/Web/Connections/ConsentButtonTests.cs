using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using SolarDashboard.Components.Connections;
using SolarDashboard.Core.Connections;

namespace SolarDashboard.Tests.Web.Connections;

/// <summary>The consent button is a real form post with the anti-forgery token, so the browser leaves for FusionSolar.</summary>
public sealed class ConsentButtonTests : MudTestContext
{
    public ConsentButtonTests()
    {
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
    }

    [Fact]
    public void It_posts_the_purpose_and_connection_with_the_anti_forgery_token()
    {
        var button = Render<ConsentButton>(p => p.Add(c => c.Text, "Connect again").Add(c => c.Purpose, ConsentPurpose.Reauthorize)
            .Add(c => c.ConnectionId, 7).Add(c => c.TestId, "reauthorize"));

        var form = button.Find("form");
        Assert.Equal(("post", "/connections/fusionsolar/connect", "false"), (form.GetAttribute("method"), form.GetAttribute("action"), form.GetAttribute("data-enhance")));
        Assert.Equal(FixedAntiforgery.Token, form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value"));
        Assert.Equal("Reauthorize", form.QuerySelector("input[name=purpose]")?.GetAttribute("value"));
        Assert.Equal("7", form.QuerySelector("input[name=connection]")?.GetAttribute("value"));
        var submit = form.QuerySelector("button[data-testid=reauthorize]")!;
        Assert.Equal("submit", submit.GetAttribute("type"));
        Assert.Contains("Connect again", submit.TextContent);
    }

    [Fact]
    public void A_first_connection_names_no_connection()
    {
        var button = Render<ConsentButton>(p => p.Add(c => c.Text, "Connect FusionSolar account"));

        Assert.Equal("Connect", button.Find("input[name=purpose]").GetAttribute("value"));
        Assert.Empty(button.FindAll("input[name=connection]"));
    }
}
