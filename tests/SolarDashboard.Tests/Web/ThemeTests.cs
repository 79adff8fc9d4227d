using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using SolarDashboard.Components.Layout;

namespace SolarDashboard.Tests.Web;

/// <summary>The light/dark switch: it saves the choice in the cookie the server reads, and the layout renders that choice from the first paint.</summary>
public sealed class ThemeTests : DashboardTestContext
{
    private static readonly RenderFragment Body = b => b.AddMarkupContent(0, "<h1>A page</h1>");

    private IRenderedComponent<MainLayout> RenderLayout() => Render<MainLayout>(p => p.Add(l => l.Body, Body));

    [Theory]
    [InlineData("dark", true)]
    [InlineData("material-dark", true)] // what the Radzen UI saved
    [InlineData("light", false)]
    [InlineData(null, false)]
    [InlineData("<script>", false)]
    public void The_cookie_is_read_as_dark_only_when_it_says_so(string? cookie, bool dark) => Assert.Equal(dark, AppThemes.IsDark(cookie));

    [Fact]
    public void A_saved_dark_choice_is_in_the_first_render_so_the_page_never_flashes_light()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false)); // the server's prerender
        Services.GetRequiredService<ThemeState>().Set(AppThemes.IsDark("dark")); // what Routes does with the cookie
        var layout = RenderLayout();
        Assert.Equal("dark", layout.Find(".sd-layout").GetAttribute("data-theme"));
        Assert.True(layout.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
        Assert.Equal("false", layout.Find(".sd-layout").GetAttribute("data-interactive"));
    }

    [Fact]
    public void The_switch_turns_dark_on_and_off_and_saves_each_choice_in_the_cookie()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var module = JSInterop.SetupModule("./js/theme.js");
        module.SetupVoid("save", _ => true).SetVoidResult(); // the page turns only once the cookie is saved
        var layout = RenderLayout();
        Assert.Equal("light", layout.Find(".sd-layout").GetAttribute("data-theme"));
        Assert.False(layout.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));

        layout.Find("[data-testid=theme-toggle]").Click();
        Assert.Equal("dark", layout.Find(".sd-layout").GetAttribute("data-theme"));
        Assert.True(layout.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
        Assert.Equal("Switch to the light theme", layout.Find("[data-testid=theme-toggle]").GetAttribute("aria-label"));

        layout.Find("[data-testid=theme-toggle]").Click();
        Assert.False(layout.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
        Assert.Equal([["SolarDashboardTheme", "dark"], ["SolarDashboardTheme", "light"]],
            module.Invocations["save"].Select(i => i.Arguments.Select(a => a?.ToString()).ToArray()));
    }

    [Fact]
    public void Charts_get_the_themes_colours_and_each_series_keeps_its_colour_by_meaning()
    {
        Assert.Equal(AppThemes.SeriesColor("PV", 0, dark: false), AppThemes.SeriesColor("PV yield", 3, dark: false));
        Assert.NotEqual(AppThemes.SeriesColor("PV", 0, dark: false), AppThemes.SeriesColor("PV", 0, dark: true));
        Assert.NotEqual(AppThemes.ChartChrome(false), AppThemes.ChartChrome(true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_series_of_the_energy_chart_has_a_colour_of_its_own(bool dark)
    {
        var colours = SolarDashboard.Core.Measures.StandardMeasure.PeriodEnergy.Select((m, i) => AppThemes.SeriesColor(m.Label, i, dark)).ToList();

        Assert.Equal(colours.Count, colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
