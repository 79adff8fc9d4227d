using Microsoft.Playwright;
using SolarDashboard.Testing;

namespace SolarDashboard.E2E;

/// <summary>The layout, navigation and theme switch in a real browser; a screenshot of every page in both themes.</summary>
public sealed class ShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly (string Path, string Heading)[] Pages =
    [
        ("/", "Overview"), ("/plants", "Plants"), ("/devices", "Devices"), ("/alarms", "Alarms"), ("/control", "Control"), ("/connections", "Connections"), ("/users", "Users"),
    ];

    private static async Task WaitForCircuitAsync(IPage page)
    {
        // The layout marks itself once it renders interactively (RendererInfo.IsInteractive): the circuit is up.
        await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();
        await page.Locator("meta[name=sd-theme-interactive][content=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task Navigation_leads_to_every_section_without_a_full_reload_and_without_console_errors()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        await page.EvaluateAsync("() => window.__noReload = true");
        foreach (var (path, heading) in Pages.Skip(1))
        {
            await page.GetByRole(AriaRole.Link, new() { Name = heading, Exact = true }).First.ClickAsync();
            await page.WaitForURLAsync("**" + path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        }
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "a navigation reloaded the page");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_theme_switch_turns_the_dark_theme_on_and_the_choice_survives_a_reload()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        var theme = page.Locator("#radzen-theme-link");
        await Assertions.Expect(theme).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/material-base\\.css"));
        await page.Locator(".sd-theme-toggle").ClickAsync();
        await Assertions.Expect(theme).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/material-dark-base\\.css"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/material-dark-base\\.css"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_page_is_captured_in_light_and_dark_on_desktop_and_phone()
    {
        foreach (var (width, height, device) in new[] { (1280, 800, "desktop"), (390, 844, "phone") })
        {
            foreach (var dark in new[] { false, true })
            {
                var (context, page, errors) = await fixture.OpenAsync(width, height, dark);
                await using var _ = context;
                foreach (var (path, heading) in Pages)
                {
                    await page.GotoAsync(path);
                    await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
                    if (path == "/")
                        await Assertions.Expect(page.Locator("[data-connection-state=Connected]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    var name = $"{(path == "/" ? "overview" : path.Trim('/'))}-{(dark ? "dark" : "light")}-{device}.png";
                    await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), FullPage = true });
                }
                Assert.Empty(errors);
            }
        }
    }
}
