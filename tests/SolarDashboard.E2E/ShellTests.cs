using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>The layout, navigation and theme switch in a real browser; a screenshot of every page in both themes.</summary>
public sealed class ShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly (string Path, string Heading)[] Pages =
    [
        ("/", "Overview"), ("/plants", "Plants"), ("/devices", "Devices"), ("/alarms", "Alarms"), ("/control", "Control"), ("/connections", "Connections"), ("/users", "Users"),
        ("/settings/notifications", "Notifications"),
    ];

    /// <summary>A navigation entry by the start of its name: the Alarms entry's name goes on with the number of active alarms.</summary>
    private static ILocator NavLink(IPage page, string heading) =>
        page.Locator("#sd-nav").GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(heading)}(\\b|$)") });

    [Fact]
    public async Task Navigation_leads_to_every_section_without_a_full_reload_and_without_console_errors()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.EvaluateAsync("() => window.__noReload = true");
        foreach (var (path, heading) in Pages.Skip(1))
        {
            await NavLink(page, heading).ClickAsync();
            await page.WaitForURLAsync("**" + path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        }
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "a navigation reloaded the page");
        BrowserFixture.AssertNoErrors(errors);
    }

    [Fact]
    public async Task The_alarm_count_is_shown_beside_alarms_and_is_part_of_the_links_name()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        var count = page.GetByTestId("nav-alarm-count");
        // The demo fleet has active alarms once the first alarm pass of the sync has landed.
        await Assertions.Expect(count).ToHaveTextAsync(new Regex(@"^\d+$"), new() { Timeout = 90_000 });
        var n = await count.InnerTextAsync();
        await Assertions.Expect(NavLink(page, "Alarms")).ToHaveAccessibleNameAsync(new Regex($"^Alarms\\s*{n} active alarms?$"));
        BrowserFixture.AssertNoErrors(errors);
    }

    [Fact]
    public async Task The_theme_switch_turns_the_dark_theme_on_and_the_next_page_is_dark_from_the_first_paint()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        var layout = page.Locator(".sd-layout");
        await Assertions.Expect(layout).ToHaveAttributeAsync("data-theme", "light");
        var lightBackground = await BackgroundAsync(page);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(layout).ToHaveAttributeAsync("data-theme", "dark");
        Assert.NotEqual(lightBackground, await BackgroundAsync(page));
        Assert.Contains(await context.CookiesAsync(), c => c is { Name: BrowserFixture.ThemeCookie, Value: "dark" });

        // The server renders the saved choice: even without any script the page is dark, so it never flashes light.
        var state = await context.StorageStateAsync();
        await using var noScript = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString(), StorageState = state, JavaScriptEnabled = false });
        var staticPage = await noScript.NewPageAsync();
        await staticPage.GotoAsync("/");
        await Assertions.Expect(staticPage.Locator(".sd-layout")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal("rgb(18, 20, 23)", await BackgroundAsync(staticPage));

        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(layout).ToHaveAttributeAsync("data-theme", "dark");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(layout).ToHaveAttributeAsync("data-theme", "light");
        Assert.Equal(lightBackground, await BackgroundAsync(page));
        BrowserFixture.AssertNoErrors(errors);
    }

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    [Fact]
    public async Task On_a_phone_the_menu_opens_on_demand_and_closes_when_an_entry_is_tapped()
    {
        var (context, page, errors) = await fixture.OpenAsync(width: 390, height: 844);
        await using var _ = context;
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        var drawer = page.Locator("#sd-nav");
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await page.GetByTestId("nav-toggle").ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await BrowserFixture.ShotAsync(page, "menu-light-phone");
        await NavLink(page, "Plants").ClickAsync();
        await page.WaitForURLAsync("**/plants");
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plants", Level = 1 })).ToBeInViewportAsync();
        BrowserFixture.AssertNoErrors(errors);
    }

    [Fact]
    public async Task An_unknown_address_inside_the_app_shows_a_not_found_page_in_the_layout()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.EvaluateAsync("() => Blazor.navigateTo('/no-such-page')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(NavLink(page, "Plants")).ToBeVisibleAsync();
        BrowserFixture.AssertNoErrors(errors);

        // Typed or followed from elsewhere (a full page load): the same page in the layout, with a 404 status and a way home.
        var response = await page.GotoAsync("/no/such/page?x=1");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(NavLink(page, "Plants")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "not-found-light-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the overview" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        // The only "errors" are the browser noting the page's own 404 status.
        Assert.Contains($"HTTP 404 {fixture.App.BaseAddress}no/such/page?x=1", errors);
        Assert.All(errors, e => Assert.Contains("404", e));
    }

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_axe_violation_in_either_theme()
    {
        var violations = new List<string>();
        foreach (var dark in new[] { false, true })
        {
            var theme = dark ? "dark" : "light";
            var (context, page, _) = await fixture.OpenAsync(dark: dark);
            await using var _ = context;
            async Task CheckAsync(string path, ILocator ready, bool interactive = true)
            {
                await page.GotoAsync(path);
                await Assertions.Expect(ready).ToBeVisibleAsync();
                if (interactive) await BrowserFixture.WaitForCircuitAsync(page);
                await page.WaitForFunctionAsync("() => document.getAnimations().every(a => !(a instanceof CSSTransition))");
                var result = await page.RunAxe();
                violations.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical").SelectMany(v => v.Nodes.Select(n =>
                    $"{path} ({theme}): {v.Id} [{v.Impact}] {v.Help}: {n.Html} {string.Join(" ", (n.Any ?? []).Concat(n.All ?? []).Select(c => c.Message))}")));
            }
            ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

            foreach (var (path, heading) in Pages) await CheckAsync(path, Heading(heading));
            // The detail pages, reached from the lists: a plant, its battery, an alarm, the control history (and a task when there is
            // one), a refused FusionSolar consent, and a page that is not there.
            await page.GotoAsync("/plants");
            var plant = await page.GetByRole(AriaRole.Link, new() { Name = "Berlin Residence 1", Exact = true }).First.GetAttributeAsync("href");
            await CheckAsync("/" + plant!.TrimStart('/'), page.Locator(".apexcharts-canvas").First);
            var device = await page.GetByRole(AriaRole.Link, new() { Name = "Battery-1", Exact = true }).First.GetAttributeAsync("href");
            await CheckAsync("/" + device!.TrimStart('/'), page.Locator(".apexcharts-canvas").First);
            await page.GotoAsync("/alarms");
            var alarm = await page.GetByTestId("alarm-grid").Locator("a[href^='alarms/']").First.GetAttributeAsync("href");
            await CheckAsync("/" + alarm!, page.GetByTestId("alarm-detail"));
            await CheckAsync("/control/history", Heading("Control history"));
            if (await page.Locator("a[href*='control/tasks/']").CountAsync() > 0)
                await CheckAsync("/" + (await page.Locator("a[href*='control/tasks/']").First.GetAttributeAsync("href"))!.TrimStart('/'), page.Locator("h1"));
            await CheckAsync("/connections/fusionsolar/failed?reason=Denied", page.GetByTestId("consent-failed"));
            await CheckAsync("/no-such-page", Heading("Not found"));
            await CheckAsync("/account/signed-out", Heading("You are signed out"), interactive: false);
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Every_page_is_captured_in_light_and_dark_on_desktop_and_phone()
    {
        var tooWide = new List<string>();
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
                    await BrowserFixture.WaitForCircuitAsync(page);
                    if (path == "/") // the fixture waited for the first sync; on a loaded machine a later round may time out, which shows too
                        await Assertions.Expect(page.Locator("[data-connection-state]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (overflow > 0) tooWide.Add($"{path} is {overflow} px wider than the {device} screen{(dark ? " (dark)" : "")}");
                    await BrowserFixture.ShotAsync(page, $"{(path == "/" ? "overview" : path.Trim('/').Replace('/', '-'))}-{(dark ? "dark" : "light")}-{device}");
                }
                // The detail pages, reached from the lists: a plant and its battery.
                foreach (var (from, link, name) in new[] { ("/plants", "Berlin Residence 1", "plant"), (null, "Battery-1", "device") })
                {
                    if (from is not null) await page.GotoAsync(from);
                    var href = await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).First.GetAttributeAsync("href");
                    await page.GotoAsync("/" + href!.TrimStart('/'));
                    await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = link, Level = 1 })).ToBeVisibleAsync();
                    await BrowserFixture.WaitForCircuitAsync(page);
                    await Assertions.Expect(page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync();
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (overflow > 0) tooWide.Add($"the {name} page is {overflow} px wider than the {device} screen{(dark ? " (dark)" : "")}");
                    await BrowserFixture.ShotAsync(page, $"{name}-detail-{(dark ? "dark" : "light")}-{device}");
                }
                // A page for people who are not signed in: static (no circuit), in the same theme.
                await page.GotoAsync("/account/signed-out");
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out", Level = 1 })).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator(".sd-plain")).ToHaveAttributeAsync("data-theme", dark ? "dark" : "light");
                await BrowserFixture.ShotAsync(page, $"signed-out-{(dark ? "dark" : "light")}-{device}");
                BrowserFixture.AssertNoErrors(errors);
            }
        }
        // Checked after every screenshot is taken: nothing may scroll sideways, on a phone least of all.
        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
    }
}
